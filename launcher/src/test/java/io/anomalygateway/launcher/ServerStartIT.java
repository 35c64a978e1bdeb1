package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started as the README's first command starts it (only on a free port): its log is clean, and a
 * configuration mistake stops it with a message that says where the mistake is.
 */
@Timeout(120)
class ServerStartIT {

  private static final Path JAR = Path.of(System.getProperty("anomaly.jar", "target/anomaly-gateway.jar"));
  private static final Path LOGS = JAR.resolveSibling("start-it");

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void aDefaultStartServingItsFirstRequestsLogsNoWarning() throws Exception {
    NodeProcess server = NodeProcess.start("default-start", JAR, LOGS, List.of("--port", "0"));
    try (server) {
      PrintedStart printed = PrintedStart.of(server);
      int port = printed.port();
      try (TestSocket socket = TestSocket.connect(vertx, port, "first-session",
          Map.of("Authorization", "Bearer " + printed.producerToken()))) {
        assertThat(socket.next().getString("type")).isEqualTo("welcome");
        assertThat(socket.request(Messages.sample(1, 2)).getString("type")).isEqualTo("result");
        assertThat(socket.request(Messages.of("stats")).getString("type")).isEqualTo("stats");
      }
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertStopsWithACleanLog(server);
    }
  }

  @Test
  void aStartWithSeveralInstancesOfEveryWorkerLogsNoWarningEither() {
    NodeProcess server = NodeProcess.start("instances-start", JAR, LOGS, List.of("--port", "0", "--instances",
        "detector=2,drift=2,alerts=2"));
    try (server) {
      PrintedStart.of(server);
      assertStopsWithACleanLog(server);
    }
  }

  /** SIGTERM, then the whole log, start to shutdown: no warning, no error, no stack trace. */
  private static void assertStopsWithACleanLog(NodeProcess server) {
    server.terminate();
    assertThat(server.awaitExit(30)).isTrue();
    assertThat(server.lines()).as("the server's whole log").noneMatch(line -> line.contains(" WARN ")
        || line.contains(" ERROR ") || line.contains("Exception"));
  }

  @Test
  void aMisspeltKeyInTheConfigurationFileStopsTheStartSayingWhere() throws IOException {
    Files.createDirectories(LOGS);
    Path config = Files.writeString(LOGS.resolve("misspelt.json"),
        new JsonObject().put("gateway", new JsonObject().put("max_conections", 5000)).encode());
    NodeProcess server = NodeProcess.start("misspelt-config", JAR, LOGS, List.of("--port", "0", "--config",
        config.toString()));
    try (server) {
      Matcher refusal = server.await(Pattern.compile("Not started: (.*)"), 60);
      assertThat(refusal.group(1)).contains(config.toString())
          .contains("unknown key \"max_conections\" in section \"gateway\"")
          .contains("did you mean \"max_connections\"?");
      assertThat(server.awaitExit(30)).isTrue();
      assertThat(server.exitValue()).isEqualTo(2);
      assertThat(server.lines()).noneMatch(line -> line.contains("listening on"));
    }
  }
}
