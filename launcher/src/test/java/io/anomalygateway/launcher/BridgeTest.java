package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SockJS event-bus bridge, spoken over its raw WebSocket transport: default deny for everything but topic
 * registrations and the public request address.
 */
@Timeout(60)
class BridgeTest extends EmbeddedGatewayTest {

  private static final String BRIDGE = "/eventbus/websocket";

  @Test
  void refusesASendToADetectorAddress() {
    try (TestSocket bridge = TestSocket.connect(vertx, port, BRIDGE)) {
      bridge.sendText(send("anomaly.detector.score", new JsonObject().put("session_id", "x"), null));
      assertDenied(bridge.next());
    }
  }

  @Test
  void refusesARegistrationOnAddressesThatAreNotTopics() {
    try (TestSocket bridge = TestSocket.connect(vertx, port, BRIDGE)) {
      for (String address : new String[] {"anomaly.events.drift", "anomaly.drift.observe", "anomaly.detector.stats",
          "anomaly.topic", "anomaly.topic.secrets", "anomaly.topic.anomalies.a b"}) {
        bridge.sendText(new JsonObject().put("type", "register").put("address", address).encode());
        assertDenied(bridge.next());
      }
    }
  }

  @Test
  void refusesASendToAReplyAddressOfSomeoneElse() {
    try (TestSocket bridge = TestSocket.connect(vertx, port, BRIDGE)) {
      bridge.sendText(send("__vertx.reply.1", new JsonObject(), null));
      assertDenied(bridge.next());
    }
  }

  @Test
  void answersARequestSentToThePublicAddress() {
    try (TestSocket bridge = TestSocket.connect(vertx, port, BRIDGE)) {
      bridge.sendText(send("anomaly.gateway.request", new JsonObject().put("session_id", "bridge-session")
          .put("type", "sample").put("data", Messages.array(1, 2, 3)).put("request_id", "b-1"), "reply-1"));
      JsonObject reply = bridge.next();
      assertThat(reply.getString("type")).isEqualTo("rec");
      assertThat(reply.getString("address")).isEqualTo("reply-1");
      JsonObject result = reply.getJsonObject("body");
      assertThat(result.getString("type")).isEqualTo("result");
      assertThat(result.getString("request_id")).isEqualTo("b-1");
      assertThat(result.getJsonObject("metadata").getInteger("buffer_size")).isEqualTo(1);
    }
  }

  @Test
  void browsersReusingARequestIdAreEachScored() {
    try (TestSocket first = TestSocket.connect(vertx, port, BRIDGE);
         TestSocket second = TestSocket.connect(vertx, port, BRIDGE)) {
      for (TestSocket browser : new TestSocket[] {first, second}) {
        browser.sendText(send("anomaly.gateway.request", new JsonObject().put("session_id", "shared-bridge")
            .put("type", "sample").put("data", Messages.array(1, 2, 3)).put("request_id", "1"), "reply"));
      }
      int first1 = first.next().getJsonObject("body").getJsonObject("metadata").getInteger("buffer_size");
      int second1 = second.next().getJsonObject("body").getJsonObject("metadata").getInteger("buffer_size");
      assertThat(java.util.List.of(first1, second1)).containsExactlyInAnyOrder(1, 2);
    }
  }

  @Test
  void answersAnUnofferedTypeWithAnErrorAndRefusesRequestsWithoutAValidSession() {
    try (TestSocket bridge = TestSocket.connect(vertx, port, BRIDGE)) {
      bridge.sendText(send("anomaly.gateway.request", new JsonObject().put("session_id", "bridge-session")
          .put("type", "config").put("request_id", "c-1"), "reply-2"));
      JsonObject error = bridge.next().getJsonObject("body");
      assertThat(error.getJsonObject("error").getString("code")).isEqualTo("UNSUPPORTED_TYPE");
      assertThat(error.getString("request_id")).isEqualTo("c-1");
      bridge.sendText(send("anomaly.gateway.request", new JsonObject().put("session_id", "bad id!")
          .put("type", "ping"), "reply-3"));
      assertThat(bridge.next().getJsonObject("body").getJsonObject("error").getString("code"))
          .isEqualTo("INVALID_FIELD");
      bridge.sendText(send("anomaly.gateway.request", new JsonObject().put("type", "ping"), "reply-4"));
      assertDenied(bridge.next());
    }
  }

  @Test
  void deliversTopicEventsToARegisteredBrowser() {
    try (TestSocket bridge = TestSocket.connect(vertx, port, BRIDGE); TestSocket producer = open("bridge-feed")) {
      bridge.sendText(new JsonObject().put("type", "register").put("address", "anomaly.topic.anomalies.bridge-feed")
          .encode());
      bridge.sendText(new JsonObject().put("type", "ping").encode());
      TopicsTest.fitThenFlag(producer, 1);
      JsonObject delivered = bridge.next();
      assertThat(delivered.getString("type")).isEqualTo("rec");
      assertThat(delivered.getString("address")).isEqualTo("anomaly.topic.anomalies.bridge-feed");
      assertThat(delivered.getJsonObject("body").getString("type")).isEqualTo("anomaly");
      assertThat(delivered.getJsonObject("body").getString("session_id")).isEqualTo("bridge-feed");
    }
  }

  private static String send(String address, JsonObject body, String replyAddress) {
    JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("body", body);
    if (replyAddress != null) {
      frame.put("replyAddress", replyAddress);
    }
    return frame.encode();
  }

  /** The bridge's own check says "access_denied"; the gateway's authorisation hook, "rejected". */
  static void assertDenied(JsonObject answer) {
    assertThat(answer.getString("type")).isEqualTo("err");
    assertThat(answer.getString("body")).isIn("access_denied", "rejected");
  }
}
