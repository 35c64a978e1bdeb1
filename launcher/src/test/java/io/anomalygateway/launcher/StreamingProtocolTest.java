package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message type of the protocol, over a real WebSocket, against the real verticles. */
@Timeout(60)
class StreamingProtocolTest extends EmbeddedGatewayTest {

  @Test
  void welcomesEachClientWithItsSessionAndClientIds() {
    try (TestSocket socket = TestSocket.connect(vertx, port, "/api/v1/streaming/enhanced/plant-7?client_id=pump-3")) {
      JsonObject welcome = socket.next();
      assertThat(welcome.getString("type")).isEqualTo("welcome");
      assertThat(welcome.getString("session_id")).isEqualTo("plant-7");
      assertThat(welcome.getString("client_id")).isEqualTo("pump-3");
      assertThat(welcome.getJsonArray("algorithms")).contains("isolation_forest", "one_class_svm");
    }
  }

  @Test
  void generatesAClientIdWhenNoneIsGiven() {
    try (TestSocket socket = TestSocket.connect(vertx, port, "anonymous")) {
      assertThat(socket.next().getString("client_id")).isNotBlank();
    }
  }

  @Test
  void answersASampleWithAResult() {
    try (TestSocket socket = open("one-sample")) {
      JsonObject result = socket.request(Messages.sample(1.0, 2.0, 3.0).put("request_id", "r-1"));
      assertThat(result.getString("type")).isEqualTo("result");
      assertThat(result.getBoolean("success")).isTrue();
      assertThat(result.getString("request_id")).isEqualTo("r-1");
      assertThat(result.getString("sample_id")).isNotBlank();
      assertThat(result.getString("timestamp")).isNotBlank();
      assertThat(result.getBoolean("is_anomaly")).isFalse();
      assertThat(result.getDouble("confidence_score")).isBetween(0.0, 1.0);
      assertThat(result.getString("algorithm")).isEqualTo("isolation_forest");
      JsonObject metadata = result.getJsonObject("metadata");
      assertThat(metadata.getBoolean("model_fitted")).isFalse();
      assertThat(metadata.getInteger("buffer_size")).isEqualTo(1);
      assertThat(metadata.getDouble("processing_time_ms")).isGreaterThanOrEqualTo(0.0);
    }
  }

  @Test
  void answersABatchWithOneEntryPerRowInOrder() {
    try (TestSocket socket = open("one-batch")) {
      double[][] rows = Messages.normal(new Random(1), 25, 4);
      JsonObject result = socket.request(Messages.batch(rows));
      assertThat(result.getString("type")).isEqualTo("batch_result");
      JsonArray entries = result.getJsonArray("results");
      assertThat(entries).hasSize(25);
      for (int i = 0; i < 25; i++) {
        JsonObject entry = entries.getJsonObject(i);
        assertThat(entry.getInteger("index")).isEqualTo(i);
        assertThat(entry.getInteger("buffer_size")).isEqualTo(i + 1);
        assertThat(entry.getString("sample_id")).isNotBlank();
        assertThat(entry.getBoolean("is_anomaly")).isNotNull();
        assertThat(entry.getDouble("confidence_score")).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void answersStatsWithSessionAndConnectionCounters() {
    try (TestSocket socket = open("stats")) {
      socket.sample(1, 2);
      socket.sample(2, 3);
      JsonObject stats = socket.request(Messages.of("stats")).getJsonObject("stats");
      assertThat(stats.getJsonObject("streaming").getLong("total_samples")).isEqualTo(2);
      assertThat(stats.getJsonObject("streaming").getInteger("buffer_size")).isEqualTo(2);
      assertThat(stats.getJsonObject("streaming").getBoolean("model_fitted")).isFalse();
      assertThat(stats.getJsonObject("connections").getInteger("active_connections")).isEqualTo(1);
      assertThat(stats.getJsonObject("connections").getLong("messages_sent")).isGreaterThanOrEqualTo(3);
      assertThat(stats.getJsonObject("connections").getDouble("error_rate")).isEqualTo(0.0);
      assertThat(stats.getJsonObject("client").getLong("messages_received")).isEqualTo(3);
    }
  }

  @Test
  void answersPingWithPong() {
    try (TestSocket socket = open("ping")) {
      JsonObject pong = socket.request(Messages.of("ping").put("request_id", "p-1"));
      assertThat(pong.getString("type")).isEqualTo("pong");
      assertThat(pong.getString("request_id")).isEqualTo("p-1");
    }
  }

  @Test
  void acknowledgesConfigWithTheEffectiveSettings() {
    try (TestSocket socket = open("config")) {
      JsonObject ack = socket.request(Messages.config(new JsonObject()
          .put("algorithm", "one_class_svm").put("buffer_size", 500).put("min_samples", 50)
          .put("refit_interval", 25).put("contamination", 0.1)
          .put("processing_mode", "batch").put("batch_size", 20).put("batch_timeout", 0.5)));
      assertThat(ack.getString("type")).isEqualTo("config_ack");
      JsonObject config = ack.getJsonObject("config");
      assertThat(config.getString("algorithm")).isEqualTo("one_class_svm");
      assertThat(config.getInteger("buffer_size")).isEqualTo(500);
      assertThat(config.getInteger("min_samples")).isEqualTo(50);
      assertThat(config.getInteger("refit_interval")).isEqualTo(25);
      assertThat(config.getDouble("contamination")).isEqualTo(0.1);
      assertThat(config.getString("processing_mode")).isEqualTo("batch");
      assertThat(config.getInteger("batch_size")).isEqualTo(20);
      assertThat(config.getDouble("batch_timeout")).isEqualTo(0.5);
    }
  }

  @Test
  void configWithoutChangesReportsTheDefaults() {
    try (TestSocket socket = open("config-read")) {
      JsonObject config = socket.request(Messages.of("config")).getJsonObject("config");
      assertThat(config.getString("algorithm")).isEqualTo("isolation_forest");
      assertThat(config.getInteger("buffer_size")).isEqualTo(1000);
      assertThat(config.getInteger("min_samples")).isEqualTo(100);
      assertThat(config.getString("processing_mode")).isEqualTo("realtime");
    }
  }

  @Test
  void sessionDefaultAlgorithmAppliesToSamplesThatNameNone() {
    try (TestSocket socket = open("default-algorithm")) {
      socket.request(Messages.config(new JsonObject().put("algorithm", "one_class_svm")));
      assertThat(socket.sample(1, 2).getString("algorithm")).isEqualTo("one_class_svm");
      assertThat(socket.request(Messages.sample(1, 2).put("algorithm", "isolation_forest"))
          .getString("algorithm")).isEqualTo("isolation_forest");
    }
  }

  @Test
  void batchModeAnswersEverySampleWithItsOwnResultOnceTheBatchIsFull() {
    try (TestSocket socket = open("batch-mode")) {
      socket.request(Messages.config(new JsonObject().put("processing_mode", "batch").put("batch_size", 5)
          .put("batch_timeout", 30.0)));
      for (int i = 0; i < 5; i++) {
        socket.sendText(Messages.sample(i, i).put("request_id", "s-" + i).encode());
      }
      for (int i = 0; i < 5; i++) {
        JsonObject result = socket.next();
        assertThat(result.getString("type")).isEqualTo("result");
        assertThat(result.getString("request_id")).isEqualTo("s-" + i);
        assertThat(result.getJsonObject("metadata").getInteger("buffer_size")).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void batchModeSendsAPartialBatchAfterTheTimeout() {
    try (TestSocket socket = open("batch-timeout")) {
      socket.request(Messages.config(new JsonObject().put("processing_mode", "batch").put("batch_size", 100)
          .put("batch_timeout", 0.2)));
      socket.sendText(Messages.sample(1, 1).put("request_id", "a").encode());
      socket.sendText(Messages.sample(2, 2).put("request_id", "b").encode());
      assertThat(socket.next().getString("request_id")).isEqualTo("a");
      assertThat(socket.next().getString("request_id")).isEqualTo("b");
    }
  }

  @Test
  void clientsOfOneSessionShareItsModelAndSeeEachOther() {
    try (TestSocket first = open("shared"); TestSocket second = open("shared")) {
      first.sample(1, 1);
      first.sample(2, 2);
      JsonObject stats = second.request(Messages.of("stats")).getJsonObject("stats");
      assertThat(stats.getJsonObject("streaming").getLong("total_samples")).isEqualTo(2);
      assertThat(stats.getJsonObject("connections").getInteger("session_clients")).isEqualTo(2);
    }
  }

  @Test
  void healthAnswers200() {
    var client = vertx.createHttpClient();
    // The body is read in the same chain as the response: read later, it may already have been consumed.
    JsonObject answer = TestSocket.await(client.request(io.vertx.core.http.HttpMethod.GET, port, "localhost",
            "/api/v1/streaming/health")
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> new JsonObject()
            .put("status", response.statusCode()).put("body", body.toJsonObject()))));
    assertThat(answer.getInteger("status")).isEqualTo(200);
    assertThat(answer.getJsonObject("body").getString("status")).isEqualTo("UP");
  }
}
