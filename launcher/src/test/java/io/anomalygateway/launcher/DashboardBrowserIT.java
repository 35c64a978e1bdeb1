package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as a person meets it: the packaged jar started as the README says (authentication on, only on a
 * free port and with a known secret), the exact dashboard URL it prints opened in a real headless Chromium
 * (Debian's {@code chromium} and {@code chromium-driver}, which {@code scripts/test.sh} installs), samples streamed
 * with the producer token it prints. Checks what is on the screen (filled cards, the score line, anomalies and alerts
 * listed, or a message saying what is refused), and that the browser logged no error and met no 404. Leaves
 * screenshots in {@code target/} ({@code dashboard.png} is the one in {@code docs/}).
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  private static final Path JAR = Path.of(System.getProperty("anomaly.jar", "target/anomaly-gateway.jar"));
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final List<String> CARDS = List.of("throughput", "latency", "connections", "errors", "dropped",
      "gateways");

  private final Vertx vertx = Vertx.vertx();
  private NodeProcess server;
  private int port;
  private String producerToken;
  private String dashboardUrl;
  private WebDriver browser;

  @TempDir
  Path profile;

  @BeforeAll
  void startTheServerAsAUserDoes() {
    assertThat(new File(CHROMIUM)).as("Debian's chromium (scripts/test.sh installs it)").exists();
    assertThat(new File(CHROMEDRIVER)).as("Debian's chromium-driver (scripts/test.sh installs it)").exists();
    server = NodeProcess.start("dashboard-server", JAR, JAR.resolveSibling("dashboard-it"), List.of("--port", "0"),
        Map.of("ANOMALY_JWT_SECRET", Tokens.SECRET));
    PrintedStart printed = PrintedStart.of(server);
    port = printed.port();
    producerToken = printed.producerToken();
    dashboardUrl = printed.dashboardUrl();
  }

  @AfterAll
  void stopTheServer() {
    server.close();
    vertx.close().await();
  }

  /** A browser of its own for each test; quitting it stops its driver service too. */
  @BeforeEach
  void openABrowser() {
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    browser = new ChromeDriver(driverService, options);
  }

  @AfterEach
  void closeTheBrowser() {
    browser.quit();
  }

  @Test
  void thePrintedViewerUrlShowsItsSessionFullyAndNoOtherSession() throws IOException {
    assertThat(dashboardUrl).startsWith("http://localhost:" + port + "/?session=demo&token=");
    browser.get(dashboardUrl);
    awaitText("status", "open");
    try (TestSocket demo = producer("demo"); TestSocket other = producer("other")) {
      streamAnIncident(demo, 1);
      streamAnIncident(other, 2);
      assertAnomalyAndAlertListedFor("demo");
      awaitScoreLine("demo");
      awaitFilledCards();
      assertThat(browser.findElements(By.id("session-other"))).isEmpty();
      assertThat(browser.findElements(By.cssSelector(".feed li[data-subject='other']"))).isEmpty();
      assertThat(browser.findElement(By.id("notice")).isDisplayed()).isFalse();
      assertNoBrowserErrors();
      screenshot("dashboard-viewer.png");
    }
  }

  @Test
  void anAdminSeesEverySessionAndTheNode() throws IOException {
    String admin = Tokens.hs256("operator", List.of("admin"), null);
    browser.get("http://localhost:" + port + "/?token=" + admin);
    awaitText("status", "open");
    try (TestSocket line7 = producer("line-7"); TestSocket line3 = producer("line-3")) {
      streamAnIncident(line3, 3);
      streamAnIncident(line7, 4);
      assertAnomalyAndAlertListedFor("line-7");
      assertAnomalyAndAlertListedFor("line-3");
      awaitScoreLine("line-7");
      awaitScoreLine("line-3");
      awaitFilledCards();
      assertThat(browser.findElement(By.id("notice")).isDisplayed()).isFalse();
      assertNoBrowserErrors();
      screenshot("dashboard.png");
    }
  }

  @Test
  void aViewerAskingForASessionItsTokenDoesNotAllowIsToldOnThePage() {
    browser.get(dashboardUrl.replace("session=demo", "session=other"));
    awaitText("status", "refused");
    assertThat(browser.findElement(By.id("notice")).getText())
        .contains("may not watch session \"other\"").contains("demo");
    assertNoBrowserErrors();
  }

  @Test
  void anExpiredTokenIsToldOnThePage() {
    browser.get("http://localhost:" + port + "/?session=demo&token="
        + Tokens.expiringIn(-60, "viewer", List.of("viewer"), List.of("demo")));
    awaitText("status", "refused");
    assertThat(browser.findElement(By.id("notice")).getText()).contains("refused this link's token");
  }

  @Test
  void aTokenThatExpiresWhileThePageIsOpenIsToldOnThePage() {
    browser.get("http://localhost:" + port + "/?session=demo&token="
        + Tokens.expiringIn(4, "viewer", List.of("viewer"), List.of("demo")));
    awaitText("status", "open");
    awaitText("status", "refused");
    assertThat(browser.findElement(By.id("notice")).getText()).contains("token has expired");
  }

  private TestSocket producer(String session) {
    TestSocket socket = TestSocket.connect(vertx, port, session, Map.of("Authorization", "Bearer " + producerToken));
    assertThat(socket.next().getString("type")).isEqualTo("welcome");
    return socket;
  }

  /** Fits the session's model on normal rows, then sends a burst of outliers: anomalies, then an alert. */
  private static void streamAnIncident(TestSocket socket, long seed) {
    TopicsTest.fitThenFlag(socket, 0);
    Random random = new Random(seed);
    for (int round = 0; round < 4; round++) {
      socket.request(Messages.batch(Messages.normal(random, 50, 3)));
    }
    double[][] incident = new double[30][];
    for (int i = 0; i < incident.length; i++) {
      incident[i] = new double[] {0.1 * random.nextGaussian(), 18 + i % 5, 0.2};
    }
    socket.request(Messages.batch(incident));
  }

  private void assertAnomalyAndAlertListedFor(String session) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    String anomaly = wait.until(page -> page.findElements(By.cssSelector("#anomaly-feed li.anomaly")).stream()
        .filter(item -> session.equals(item.getAttribute("data-subject"))).findFirst()
        .map(item -> item.getText()).orElse(null));
    assertThat(anomaly).contains("Anomaly in " + session).contains("feature 1");
    String alert = wait.until(page -> page.findElements(By.cssSelector("#alert-feed li")).stream()
        .filter(item -> session.equals(item.getAttribute("data-subject"))).findFirst()
        .map(item -> item.getText()).orElse(null));
    assertThat(alert).contains("anomaly rate").containsIgnoringCase(session);
  }

  /** The session's chart has points on its confidence-score line, not only anomaly dots. */
  private void awaitScoreLine(String session) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> {
      Object points = ((JavascriptExecutor) page).executeScript("const canvas = document.querySelector("
          + "'#session-' + CSS.escape(arguments[0]) + ' canvas'); const chart = canvas && Chart.getChart(canvas);"
          + " return chart ? chart.data.datasets[0].data.length : 0;", session);
      return ((Number) points).longValue() > 0;
    });
  }

  private void awaitFilledCards() {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> CARDS.stream()
        .noneMatch(card -> "–".equals(page.findElement(By.id(card)).getText())));
    assertThat(browser.findElement(By.id("gateways")).getText()).isEqualTo("1");
    assertThat(browser.findElement(By.id("connections")).getText()).matches("\\d+ / 1000");
  }

  @Test
  void theSdksBrowserBuildStreamsFromAPageTheGatewayServes() {
    browser.get("http://localhost:" + port + "/stream.html?session=browser-sdk&samples=300&token=" + producerToken);
    new WebDriverWait(browser, Duration.ofSeconds(90))
        .until(page -> !page.findElement(By.id("status")).getText().matches("starting|streaming"));
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("done");
    assertThat(browser.findElement(By.id("results")).getText()).isEqualTo("300");
    assertThat(Integer.parseInt(browser.findElement(By.id("anomalies")).getText())).isPositive();
    assertThat(Integer.parseInt(browser.findElement(By.id("events")).getText())).isPositive();
    assertThat(browser.findElement(By.id("bridge-total")).getText()).as("stats over the bridge").isEqualTo("300");
    assertThat(browser.findElement(By.id("bridge-result")).getText()).as("a sample over the bridge")
        .isEqualTo("result");
    assertNoBrowserErrors();
  }

  private void awaitText(String id, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(page -> text.equals(page.findElement(By.id(id)).getText()));
  }

  /** Console errors and failed loads (a 404, a refused request) are logged at SEVERE. */
  private void assertNoBrowserErrors() {
    List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(severe).as("the browser's console").isEmpty();
  }

  private void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), JAR.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
