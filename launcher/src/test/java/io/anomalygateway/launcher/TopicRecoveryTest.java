package io.anomalygateway.launcher;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.ClientOptions;
import io.anomalygateway.client.TopicEvent;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.anomalygateway.launcher.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber that was away gets the events it missed, in order, when it resubscribes from the last position it
 * saw, or is told plainly that it cannot ({@code recovered:false}). The gateway here keeps 5 events per session.
 */
@Timeout(60)
class TopicRecoveryTest extends EmbeddedGatewayTest {

  private static final int HISTORY = 5;

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("gateway", new JsonObject().put("topic_history_size", HISTORY));
  }

  @Test
  void aSubscriberBackFromAGapGetsEveryMissedEventInOrderBeforeNewOnes() {
    try (TestSocket producer = open("recover")) {
      JsonObject last = firstAnomalySeenBy("recover", producer);
      flag(producer, 3);
      try (TestSocket back = open("recover")) {
        JsonObject subscribed = back.request(resume(last.getString("epoch"), last.getLong("offset")));
        assertThat(subscribed.getBoolean("recovered")).isTrue();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          JsonObject missed = back.nextOf("anomaly");
          assertThat(missed.getString("session_id")).isEqualTo("recover");
          offsets.add(missed.getLong("offset"));
        }
        assertThat(offsets).isSorted().doesNotHaveDuplicates().allMatch(offset -> offset > last.getLong("offset"));
        assertThat(offsets.get(2)).isEqualTo(subscribed.getLong("offset"));
        producer.sample(25, -25, 25);
        assertThat(back.nextOf("anomaly").getLong("offset")).isGreaterThan(offsets.get(2));
      }
    }
  }

  @Test
  void aGapLongerThanTheHistoryIsReportedAsNotRecovered() {
    try (TestSocket producer = open("overflow")) {
      JsonObject last = firstAnomalySeenBy("overflow", producer);
      flag(producer, HISTORY + 2);
      try (TestSocket back = open("overflow")) {
        JsonObject subscribed = back.request(resume(last.getString("epoch"), last.getLong("offset")));
        assertThat(subscribed.getBoolean("recovered")).isFalse();
        JsonObject ping = back.request(Messages.of("ping"));
        assertThat(ping.getString("type")).isEqualTo("pong");
        assertThat(back.drain()).noneMatch(m -> "anomaly".equals(m.getString("type")));
      }
    }
  }

  @Test
  void aPositionFromAnotherEpochIsNotRecovered() {
    try (TestSocket socket = open("epoch")) {
      JsonObject subscribed = socket.request(resume("gone", 3));
      assertThat(subscribed.getBoolean("recovered")).isFalse();
      assertThat(subscribed.getString("epoch")).isNotEqualTo("gone");
    }
  }

  @Test
  void aMalformedPositionIsRefusedWithAClearError() {
    try (TestSocket socket = open("bad-since")) {
      for (Object since : new Object[] {"yesterday", new JsonObject().put("epoch", "e"),
          new JsonObject().put("epoch", "e").put("offset", -1),
          new JsonObject().put("epoch", "e").put("offset", 1).put("since", new JsonObject())}) {
        JsonObject subscribe = TopicsTest.subscribe("anomalies", null);
        subscribe.getJsonObject("config").put("since", since);
        JsonObject error = socket.request(subscribe);
        assertThat(error.getString("type")).as(String.valueOf(since)).isEqualTo("error");
        assertThat(error.getJsonObject("error").getString("code")).isIn("INVALID_FIELD", "INVALID_CONFIG");
      }
      assertThat(socket.request(Messages.of("ping")).getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void theClientResumesItsSubscriptionsAcrossACutWithoutLosingAnEvent() {
    CuttableProxy proxy = new CuttableProxy(vertx, port);
    int proxyPort = await(proxy.start().toCompletionStage().toCompletableFuture());
    List<TopicEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Boolean> recovered = new CompletableFuture<>();
    ClientOptions options = new ClientOptions().setUrl("ws://127.0.0.1:" + proxyPort).setSessionId("resume")
        .setInitialBackoff(50).setMaxBackoff(100);
    try (AnomalyClient client = AnomalyClient.create(vertx, options);
         TestSocket producer = open("resume")) {
      client.recoveryHandler((topic, ok) -> recovered.complete(ok));
      await(client.connect());
      await(client.subscribe("anomalies", events::add));
      TopicsTest.fitThenFlag(producer, 1);
      ClientStream.awaitCondition(() -> events.size() == 1);
      proxy.refuse(true);
      proxy.cut();
      flag(producer, 3);
      assertThat(events).hasSize(1);
      proxy.refuse(false);
      assertThat(await(recovered)).isTrue();
      ClientStream.awaitCondition(() -> events.size() == 4);
      assertThat(events.stream().map(TopicEvent::offset).toList()).isSorted().doesNotHaveDuplicates();
    } finally {
      proxy.close();
    }
  }

  /** Subscribes, sees one anomaly of the session, and leaves: the position a returning client would hold. */
  private JsonObject firstAnomalySeenBy(String session, TestSocket producer) {
    try (TestSocket watcher = open(session)) {
      JsonObject subscribed = watcher.request(TopicsTest.subscribe("anomalies", null));
      assertThat(subscribed.getString("epoch")).isNotBlank();
      TopicsTest.fitThenFlag(producer, 1);
      JsonObject event = watcher.nextOf("anomaly");
      assertThat(event.getString("epoch")).isEqualTo(subscribed.getString("epoch"));
      assertThat(event.getLong("offset")).isPositive();
      return event;
    }
  }

  /** Outliers only, on a fitted session: exactly {@code count} anomaly events. */
  private static void flag(TestSocket producer, int count) {
    for (int i = 0; i < count; i++) {
      assertThat(producer.sample(25, -25, 25).getBoolean("is_anomaly")).isTrue();
    }
  }

  private static JsonObject resume(String epoch, long offset) {
    JsonObject subscribe = TopicsTest.subscribe("anomalies", null);
    subscribe.getJsonObject("config").put("since", new JsonObject().put("epoch", epoch).put("offset", offset));
    return subscribe;
  }
}
