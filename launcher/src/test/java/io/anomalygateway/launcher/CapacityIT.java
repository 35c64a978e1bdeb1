package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server at {@code -Xmx512m}, authentication on, attacked as issue 16 describes: one token's sessions
 * take what the node's memory budget allows and are then refused with {@code CAPACITY_EXCEEDED}, before any
 * {@code OutOfMemoryError}, while another token's session keeps scoring and the node stays ready. Each test gets a
 * server of its own: what one test's sessions hold stays in the budget until they have been idle for
 * {@code eviction_idle}, which would decide the next test's refusals (a CI run saw every attacking session refused).
 */
class CapacityIT {

  private static final Path JAR = Path.of(System.getProperty("anomaly.jar", "target/anomaly-gateway.jar"));
  private static final Path LOGS = JAR.resolveSibling("capacity-it");
  private static final int DIMS = 1024;

  private static Vertx vertx;
  private NodeProcess server;
  private int port;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().await();
  }

  @BeforeEach
  void startServer(TestInfo test) {
    // One log per test, so that a failure's server log is not overwritten by the next test's.
    server = NodeProcess.start("capacity-" + test.getTestMethod().orElseThrow().getName(), JAR, LOGS, "512m",
        List.of("--port", "0"), Map.of("ANOMALY_JWT_SECRET", Tokens.SECRET));
    port = PrintedStart.of(server).port();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  @Test
  void oneTokensGrowingSessionsAreRefusedWithCapacityExceededWhileAnotherTokenKeepsScoring() throws Exception {
    String attacker = Tokens.hs256("attacker", List.of("producer"), null);
    int scored = 0;
    int refused = 0;
    for (int i = 0; i < 40; i++) {
      try (TestSocket socket = TestSocket.open(vertx, port, "attack-" + i, attacker)) {
        JsonObject answer = socket.request(batch(150, i));
        if ("batch_result".equals(answer.getString("type"))) {
          scored++;
        } else {
          assertThat(answer.getJsonObject("error").getString("code")).isEqualTo("CAPACITY_EXCEEDED");
          assertThat(answer.getJsonObject("error").getString("message")).contains("bytes");
          refused++;
        }
      }
    }
    assertThat(scored).isGreaterThan(0);
    assertThat(refused).isGreaterThan(0);
    String other = Tokens.hs256("bystander", List.of("producer"), null);
    try (TestSocket socket = TestSocket.open(vertx, port, "bystander", other)) {
      for (int i = 0; i < 20; i++) {
        assertThat(socket.request(Messages.sample(i, 1, 2)).getString("type")).isEqualTo("result");
      }
    }
    assertThat(status("/api/v1/streaming/ready")).isEqualTo(200);
    assertThat(server.lines()).noneMatch(line -> line.contains("OutOfMemoryError"));
  }

  @Test
  void concurrentLargeBatchesOnEightTokensAreAllAnsweredOrRefused() throws Exception {
    List<CompletableFuture<String>> answers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String token = Tokens.hs256("bulk-" + t, List.of("producer"), null);
      String session = "bulk-" + t;
      int seed = t;
      answers.add(CompletableFuture.supplyAsync(() -> {
        try (TestSocket socket = TestSocket.open(vertx, port, session, token)) {
          JsonObject answer = socket.request(batch(2_400, seed));
          return "error".equals(answer.getString("type"))
              ? answer.getJsonObject("error").getString("code") : answer.getString("type");
        }
      }));
    }
    List<String> outcomes = new ArrayList<>();
    for (CompletableFuture<String> answer : answers) {
      outcomes.add(answer.get(120, TimeUnit.SECONDS));
    }
    assertThat(outcomes).hasSize(8).allMatch(o -> o.equals("batch_result") || o.equals("CAPACITY_EXCEEDED"));
    assertThat(outcomes).contains("batch_result");
    assertThat(server.lines()).noneMatch(line -> line.contains("OutOfMemoryError"));
  }

  @Test
  void churnThroughNewSessionsIsLimitedPerTokenAndKeepsTheNodeWithinItsBudget() throws Exception {
    String churner = Tokens.hs256("churner", List.of("producer"), null);
    int opened = 0;
    int refusedUpgrades = 0;
    for (int i = 0; i < 700; i++) {
      try (TestSocket socket = TestSocket.open(vertx, port, "churn-" + i, churner)) {
        assertThat(socket.request(Messages.sample(i, 1, 2)).getString("type")).isEqualTo("result");
        opened++;
      } catch (UpgradeRejectedException e) {
        assertThat(e.getStatus()).isEqualTo(429);
        refusedUpgrades++;
      }
    }
    assertThat(opened).isLessThanOrEqualTo(600);
    assertThat(refusedUpgrades).isGreaterThanOrEqualTo(100);
    assertThat(status("/api/v1/streaming/ready")).isEqualTo(200);
  }

  /** Rows of small integers: two characters per value, so a large batch is cheap to send and to read. */
  private static JsonObject batch(int rows, int seed) {
    JsonArray data = new JsonArray();
    for (int r = 0; r < rows; r++) {
      JsonArray row = new JsonArray();
      for (int k = 0; k < DIMS; k++) {
        row.add((r * 31 + k * 7 + seed) % 10);
      }
      data.add(row);
    }
    return new JsonObject().put("type", "batch").put("batch_data", data);
  }

  private int status(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
