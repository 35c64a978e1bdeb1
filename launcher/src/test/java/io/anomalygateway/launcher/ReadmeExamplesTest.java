package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's protocol examples against the real server, with authentication on as users run it: each documented
 * request is sent as written (after bringing its session into the state the example shows), and the real answer,
 * like every documented event, must have exactly the documented keys. So the README and the server cannot drift
 * apart unnoticed.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesTest {

  private static final Set<String> COVERED_RESPONSES = Set.of("welcome", "result", "batch_result", "stats", "pong",
      "config_ack", "drift_result", "subscribed", "refreshed", "error");
  private static final Set<String> COVERED_EVENTS = Set.of("anomaly", "alert", "drift", "stats", "stats/node");

  private final List<JsonObject> examples = ReadmeExamples.protocolSection();
  private final Vertx vertx = Vertx.vertx();
  private final String producer = Tokens.hs256("sensor-1", List.of("producer"), null);
  private int port;

  @BeforeAll
  void startTheServer() {
    JsonObject config = TestConfiguration.defaults().mergeIn(new JsonObject()
        .put("gateway", new JsonObject().put("port", 0).put("host", "127.0.0.1").put("stats_interval", 0.3))
        .put("security", new JsonObject().put("jwt_secret", Tokens.SECRET)), true);
    port = Deployment.embedded(vertx, config).await().actualPort();
  }

  @AfterAll
  void stopTheServer() {
    vertx.close().await();
  }

  private TestSocket connect(String session, String token) {
    return TestSocket.connect(vertx, port, session, Map.of("Authorization", "Bearer " + token));
  }

  private TestSocket open(String session) {
    TestSocket socket = connect(session, producer);
    assertThat(socket.next().getString("type")).isEqualTo("welcome");
    return socket;
  }

  private JsonObject documentedRequest(String type) {
    List<JsonObject> requests = ReadmeExamples.ofType(examples, type, false);
    assertThat(requests).as("README requests of type %s", type).isNotEmpty();
    return requests.get(0);
  }

  private JsonObject documentedResponse(String type) {
    List<JsonObject> responses = ReadmeExamples.ofType(examples, type, true);
    assertThat(responses).as("README responses of type %s", type).isNotEmpty();
    return responses.get(0);
  }

  private static void assertSameShape(JsonObject documented, JsonObject actual) {
    assertThat(ReadmeExamples.differences(documented, actual))
        .as("README example %s%nagainst the real %s", documented.encode(), actual.encode()).isEmpty();
  }

  /** Rows around (5, 5, 5), far from the documented sample {@code [0.5, 1.2, -0.3]}. */
  private static double[][] rows(Random random, int count) {
    double[][] rows = Messages.normal(random, count, 3);
    for (double[] row : rows) {
      for (int k = 0; k < 3; k++) {
        row[k] = 5 + 0.3 * row[k];
      }
    }
    return rows;
  }

  private static void fit(TestSocket socket, Random random) {
    socket.request(Messages.batch(rows(random, 300)));
    while (!socket.request(Messages.sample(5, 5, 5)).getJsonObject("metadata").getBoolean("model_fitted")) {
      assertThat(socket.isClosed()).isFalse();
    }
  }

  @Test
  void theShapeComparisonNamesAKeyMissingOnEitherSide() {
    JsonObject documented = new JsonObject().put("a", 1).put("nested", new JsonObject().put("b", 2))
        .put("list", new JsonArray().add("x").add("y"));
    assertThat(ReadmeExamples.differences(documented, documented.copy())).isEmpty();
    JsonObject missing = documented.copy();
    missing.getJsonObject("nested").remove("b");
    assertThat(ReadmeExamples.differences(documented, missing)).containsExactly(
        ".nested.b: documented, but not in the real message");
    assertThat(ReadmeExamples.differences(documented, documented.copy().put("c", 3))).containsExactly(
        ".c: in the real message, but not documented");
    assertThat(ReadmeExamples.differences(documented, documented.copy().put("list", new JsonArray().add("x"))))
        .singleElement().asString().contains("documented values missing [y]");
  }

  @Test
  void everyDocumentedResponseAndEventIsChecked() {
    Set<String> responses = new TreeSet<>();
    examples.stream().filter(e -> e.containsKey("success")).forEach(e -> responses.add(e.getString("type")));
    assertThat(responses).as("response types in the README").isEqualTo(new TreeSet<>(COVERED_RESPONSES));
    assertThat(ReadmeExamples.events(examples).keySet()).as("event types in the README")
        .containsExactlyInAnyOrderElementsOf(COVERED_EVENTS);
  }

  @Test
  void theWelcomeExampleMatches() {
    try (TestSocket socket = connect("demo", producer)) {
      assertSameShape(documentedResponse("welcome"), socket.next());
    }
  }

  @Test
  void theSampleExampleMatchesAnAnomalousResultOfAFittedModel() {
    try (TestSocket socket = open("readme-sample")) {
      fit(socket, new Random(1));
      JsonObject result = socket.request(documentedRequest("sample"));
      assertThat(result.getBoolean("is_anomaly")).as("the state the example shows").isTrue();
      assertSameShape(documentedResponse("result"), result);
    }
  }

  @Test
  void theBatchAndStatsExamplesMatchANewSession() {
    try (TestSocket socket = open("readme-batch")) {
      JsonObject batch = socket.request(documentedRequest("batch"));
      assertSameShape(documentedResponse("batch_result"), batch);
      assertSameShape(documentedResponse("stats"), socket.request(documentedRequest("stats")));
    }
  }

  @Test
  void thePingAndConfigExamplesMatch() {
    try (TestSocket socket = open("readme-config")) {
      assertSameShape(documentedResponse("pong"), socket.request(documentedRequest("ping")));
      assertSameShape(documentedResponse("config_ack"), socket.request(documentedRequest("config")));
    }
  }

  @Test
  void theDriftExampleMatchesAComparison() {
    try (TestSocket socket = open("readme-drift")) {
      socket.request(Messages.batch(rows(new Random(2), 700)));
      JsonObject drift = socket.request(documentedRequest("drift"));
      assertThat(drift.getString("evidence")).isEqualTo("comparison");
      assertSameShape(documentedResponse("drift_result"), drift);
    }
  }

  @Test
  void theSubscribeExamplesMatchEveryScopeAndARecovery() {
    List<JsonObject> requests = ReadmeExamples.ofType(examples, "subscribe", false);
    List<JsonObject> answers = ReadmeExamples.ofType(examples, "subscribed", true);
    assertThat(requests).hasSize(2);
    assertThat(answers).hasSize(2);
    try (TestSocket admin = connect("readme-admin", Tokens.hs256("ops", List.of("admin"), null));
         TestSocket resuming = open("line-7")) {
      admin.next();
      assertSameShape(answers.get(0), admin.request(requests.get(0)));
      assertSameShape(answers.get(1), resuming.request(requests.get(1)));
    }
  }

  @Test
  void theRefreshExampleMatches() {
    try (TestSocket socket = open("readme-refresh")) {
      JsonObject refresh = documentedRequest("refresh").copy()
          .put("token", Tokens.hs256("sensor-1", List.of("producer"), null));
      assertSameShape(documentedResponse("refreshed"), socket.request(refresh));
    }
  }

  @Test
  void theErrorExampleMatchesADimensionMismatch() {
    try (TestSocket socket = open("readme-error")) {
      socket.request(Messages.sample(1, 2, 3));
      JsonObject error = socket.request(Messages.sample(1, 2));
      assertThat(error.getJsonObject("error").getString("code")).isEqualTo("DIMENSION_MISMATCH");
      assertSameShape(documentedResponse("error"), error);
    }
  }

  @Test
  void theEventExamplesMatchRealEvents() {
    Map<String, JsonObject> documented = ReadmeExamples.events(examples);
    try (TestSocket socket = open("readme-events");
         TestSocket admin = connect("readme-node", Tokens.hs256("ops", List.of("admin"), null))) {
      admin.next();
      for (String topic : List.of("anomalies", "alerts", "drift", "stats")) {
        socket.request(TopicsTest.subscribe(topic, null));
      }
      admin.request(TopicsTest.subscribe("stats", "all"));
      Random random = new Random(3);
      fit(socket, random);
      for (int i = 0; i < 30; i++) {
        socket.request(Messages.sample(0.5, 1.2 + i % 3, -0.3));
      }
      double[][] shifted = rows(random, 700);
      for (double[] row : shifted) {
        row[0] += 1.5;
      }
      socket.request(Messages.batch(shifted));
      assertSameShape(documented.get("anomaly"), socket.nextOf("anomaly"));
      assertSameShape(documented.get("alert"), socket.nextOf("alert"));
      assertSameShape(documented.get("drift"), socket.nextOf("drift"));
      JsonObject stats = socket.nextOf("stats");
      while (!stats.getJsonObject("stats").containsKey("scores")) {
        // The example shows an interval in which the session's fitted model scored samples.
        stats = socket.nextOf("stats");
      }
      assertSameShape(documented.get("stats"), stats);
      JsonObject node = admin.nextOf("stats");
      while (node.getValue("session_id") != null) {
        node = admin.nextOf("stats");
      }
      assertSameShape(documented.get("stats/node"), node);
    }
  }
}
