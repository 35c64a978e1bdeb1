package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Topics over the raw WebSocket protocol: subscribing, scoping, the events' shape, unsubscribing. */
@Timeout(60)
class TopicsTest extends EmbeddedGatewayTest {

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("gateway", new JsonObject().put("stats_interval", 0.3));
  }

  @Test
  void subscribeAndUnsubscribeAreAnswered() {
    try (TestSocket socket = open("topics-answers")) {
      JsonObject subscribed = socket.request(subscribe("anomalies", null));
      assertThat(subscribed.getString("type")).isEqualTo("subscribed");
      assertThat(subscribed.getString("topic")).isEqualTo("anomalies");
      assertThat(subscribed.getString("scope")).isEqualTo("session");
      JsonObject unsubscribed = socket.request(new JsonObject().put("type", "unsubscribe")
          .put("config", new JsonObject().put("topic", "anomalies")));
      assertThat(unsubscribed.getString("type")).isEqualTo("unsubscribed");
      assertThat(unsubscribed.getBoolean("was_subscribed")).isTrue();
    }
  }

  @Test
  void refusesUnknownTopicsAndScopes() {
    try (TestSocket socket = open("topics-bad")) {
      socket.sendText("{\"type\":\"subscribe\",\"config\":{\"topic\":\"gossip\"},\"request_id\":\"t\"}");
      assertThat(socket.next().getJsonObject("error").getString("code")).isEqualTo("INVALID_FIELD");
      socket.sendText("{\"type\":\"subscribe\",\"config\":{\"topic\":\"alerts\",\"scope\":\"galaxy\"}}");
      assertThat(socket.next().getJsonObject("error").getString("code")).isEqualTo("INVALID_FIELD");
      socket.sendText("{\"type\":\"subscribe\"}");
      assertThat(socket.next().getJsonObject("error").getString("code")).isEqualTo("INVALID_FIELD");
    }
  }

  @Test
  void aSubscriberReceivesItsOwnSessionsAnomaliesOnly() {
    try (TestSocket watcher = open("scoped-a"); TestSocket producer = open("scoped-a");
         TestSocket other = open("scoped-b")) {
      watcher.request(subscribe("anomalies", null));
      fitThenFlag(other, 1);
      fitThenFlag(producer, 1);
      JsonObject event = watcher.nextOf("anomaly");
      assertThat(event.getString("topic")).isEqualTo("anomalies");
      assertThat(event.getString("session_id")).isEqualTo("scoped-a");
      assertThat(event.getString("sample_id")).isNotBlank();
      assertThat(event.getBoolean("is_anomaly")).as("the seed's callbacks read it").isTrue();
      assertThat(event.getString("timestamp")).isNotBlank();
      assertThat(event.getDouble("confidence_score")).isBetween(0.5, 1.0);
      assertThat(event.getJsonArray("explanation")).isNotEmpty();
      assertThat(event.getJsonArray("data")).hasSize(3);
      JsonObject ping = watcher.request(Messages.of("ping"));
      assertThat(ping.getString("type")).isEqualTo("pong");
      assertThat(watcher.drain()).noneMatch(m -> "scoped-b".equals(m.getString("session_id")));
    }
  }

  @Test
  void scopeAllReceivesEverySessionsAnomalies() {
    try (TestSocket watcher = open("scope-all-watcher"); TestSocket first = open("scope-all-1");
         TestSocket second = open("scope-all-2")) {
      assertThat(watcher.request(subscribe("anomalies", "all")).getString("scope")).isEqualTo("all");
      fitThenFlag(first, 1);
      fitThenFlag(second, 1);
      JsonObject one = watcher.nextOf("anomaly");
      JsonObject two = watcher.nextOf("anomaly");
      assertThat(Arrays.asList(one.getString("session_id"), two.getString("session_id")))
          .containsExactlyInAnyOrder("scope-all-1", "scope-all-2");
    }
  }

  @Test
  void unsubscribingStopsTheEvents() {
    try (TestSocket socket = open("topics-stop")) {
      socket.request(subscribe("anomalies", null));
      socket.request(new JsonObject().put("type", "unsubscribe").put("config", new JsonObject().put("topic",
          "anomalies")));
      fitThenFlag(socket, 3);
      JsonObject after = socket.request(Messages.of("ping"));
      assertThat(after.getString("type")).isEqualTo("pong");
      assertThat(socket.drain()).noneMatch(m -> "anomaly".equals(m.getString("type")));
    }
  }

  @Test
  void statsEventsArriveEveryInterval() {
    try (TestSocket socket = open("topics-stats")) {
      socket.request(subscribe("stats", null));
      socket.sample(1, 2, 3);
      JsonObject event = socket.nextOf("stats");
      assertThat(event.getString("topic")).isEqualTo("stats");
      assertThat(event.getString("session_id")).isEqualTo("topics-stats");
      assertThat(event.getJsonObject("stats").getLong("samples")).isEqualTo(1);
      assertThat(event.getJsonObject("stats").getInteger("clients")).isEqualTo(1);
    }
  }

  /** Fits the session's model on normal data, then sends clear outliers, answered before returning. */
  static void fitThenFlag(TestSocket socket, int outliers) {
    socket.request(Messages.config(new JsonObject().put("refit_interval", 1_000_000)));
    socket.request(Messages.batch(Messages.normal(new Random(3), 300, 3)));
    while (!socket.sample(0.1, 0.2, 0.3).getJsonObject("metadata").getBoolean("model_fitted")) {
      assertThat(socket.isClosed()).isFalse();
    }
    for (int i = 0; i < outliers; i++) {
      assertThat(socket.sample(25, -25, 25).getBoolean("is_anomaly")).isTrue();
    }
  }

  static JsonObject subscribe(String topic, String scope) {
    JsonObject config = new JsonObject().put("topic", topic);
    if (scope != null) {
      config.put("scope", scope);
    }
    return new JsonObject().put("type", "subscribe").put("config", config);
  }
}
