package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): it connects through the SockJS bridge, and shows a planted anomaly and the alert it
 * raises within seconds. Leaves a screenshot in {@code target/dashboard.png}.
 */
@Timeout(180)
class DashboardBrowserTest extends EmbeddedGatewayTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @TempDir
  Path profile;

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("gateway", new JsonObject().put("stats_interval", 0.5));
  }

  @Test
  void showsTheAnomalyAndTheAlertLive() throws IOException {
    assertThat(new File(CHROMIUM)).as("Debian's chromium (installed by .ci/run)").exists();
    assertThat(new File(CHROMEDRIVER)).as("Debian's chromium-driver (installed by .ci/run)").exists();
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
    WebDriver browser = new ChromeDriver(service, options);
    try (TestSocket quiet = open("line-3"); TestSocket producer = open("line-7")) {
      browser.get("http://localhost:" + port + "/");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      wait.until(page -> "open".equals(page.findElement(By.id("status")).getText()));
      TopicsTest.fitThenFlag(quiet, 0);
      TopicsTest.fitThenFlag(producer, 0);
      Random random = new Random(21);
      for (int round = 0; round < 6; round++) {
        quiet.request(Messages.batch(Messages.normal(random, 50, 3)));
        producer.request(Messages.batch(Messages.normal(random, 50, 3)));
      }
      double[][] incident = new double[30][];
      for (int i = 0; i < incident.length; i++) {
        incident[i] = new double[] {0.1 * random.nextGaussian(), 18 + i % 5, 0.2};
      }
      producer.request(Messages.batch(incident));
      WebElement anomaly = wait.until(page -> page.findElements(By.cssSelector("#anomaly-feed li.anomaly")).stream()
          .filter(item -> "line-7".equals(item.getAttribute("data-subject"))).findFirst().orElse(null));
      assertThat(anomaly.getText()).contains("Anomaly in line-7").contains("feature 1");
      WebElement alert = wait.until(page -> page.findElements(By.cssSelector("#alert-feed li")).stream()
          .filter(item -> "line-7".equals(item.getAttribute("data-subject"))).findFirst().orElse(null));
      assertThat(alert.getText()).contains("anomaly rate").containsIgnoringCase("line-7");
      wait.until(page -> !page.findElements(By.cssSelector("#session-line-7 canvas")).isEmpty()
          && !"–".equals(page.findElement(By.id("throughput")).getText()));
      for (int round = 0; round < 4; round++) {
        quiet.request(Messages.batch(Messages.normal(random, 50, 3)));
      }
      File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(screenshot.toPath(), Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.quit();
      service.stop();
    }
  }
}
