package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge with authentication on: what a token lets a browser register on and send. */
@Timeout(60)
class SecuredBridgeTest extends SecuredGatewayTest {

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("gateway", new JsonObject().put("stats_interval", 0.2));
  }

  private TestSocket bridge(String token) {
    return TestSocket.connect(vertx, port, "/eventbus/websocket?token=" + token);
  }

  @Test
  void aViewerMayRegisterOnItsSessionsTopicsAndReceiveTheirEvents() {
    String viewer = Tokens.hs256("v", List.of("viewer"), List.of("line-*"));
    String producer = Tokens.hs256("p", List.of("producer"), List.of("line-*"));
    try (TestSocket browser = bridge(viewer); TestSocket source = TestSocket.open(vertx, port, "line-1", producer)) {
      browser.sendText(new JsonObject().put("type", "register").put("address", "anomaly.topic.anomalies.line-1")
          .encode());
      TopicsTest.fitThenFlag(source, 1);
      JsonObject delivered = browser.next();
      assertThat(delivered.getString("type")).isEqualTo("rec");
      assertThat(delivered.getJsonObject("body").getString("session_id")).isEqualTo("line-1");
    }
  }

  @Test
  void aViewerMayWatchTheNodeWideFiguresButNotEverySessionsStatistics() {
    String viewer = Tokens.hs256("v", List.of("viewer"), List.of("demo"));
    try (TestSocket browser = bridge(viewer)) {
      browser.sendText(new JsonObject().put("type", "register").put("address", "anomaly.topic.stats").encode());
      BridgeTest.assertDenied(browser.next());
      browser.sendText(new JsonObject().put("type", "register").put("address", "anomaly.node.stats").encode());
      JsonObject delivered = browser.next();
      assertThat(delivered.getString("type")).isEqualTo("rec");
      JsonObject event = delivered.getJsonObject("body");
      assertThat(event.getValue("session_id")).isNull();
      assertThat(event.getJsonObject("stats").getJsonObject("connections").getInteger("max")).isPositive();
    }
  }

  @Test
  void aBrowsersSocketIsClosedWith4401WhenItsTokenExpiresEvenIfItOnlyListens() {
    try (TestSocket browser = bridge(Tokens.expiringIn(2, "v", List.of("viewer"), List.of("demo")))) {
      browser.sendText(new JsonObject().put("type", "register").put("address", "anomaly.topic.alerts.demo").encode());
      assertThat(browser.next()).isEqualTo(new JsonObject().put("type", "err").put("body", "token_expired"));
      assertThat(browser.awaitClose()).isEqualTo((short) 4401);
    }
  }

  @Test
  void anAdminMayRegisterOnEverySessionsTopic() {
    try (TestSocket browser = bridge(Tokens.hs256("a", List.of("admin"), null));
         TestSocket source = TestSocket.open(vertx, port, "anywhere", Tokens.hs256("p", List.of("producer"), null))) {
      browser.sendText(new JsonObject().put("type", "register").put("address", "anomaly.topic.anomalies").encode());
      TopicsTest.fitThenFlag(source, 1);
      assertThat(browser.next().getJsonObject("body").getString("session_id")).isEqualTo("anywhere");
    }
  }

  @Test
  void aProducerMaySendSamplesForItsSessionsAndTheRequestIsScored() {
    try (TestSocket browser = bridge(Tokens.hs256("p", List.of("producer"), List.of("line-*")))) {
      browser.sendText(new JsonObject().put("type", "send").put("address", "anomaly.gateway.request")
          .put("replyAddress", "r1").put("body", new JsonObject().put("session_id", "line-9").put("type", "sample")
              .put("data", Messages.array(1, 2)).put("request_id", "s1")).encode());
      JsonObject reply = browser.next().getJsonObject("body");
      assertThat(reply.getString("type")).isEqualTo("result");
      assertThat(reply.getString("request_id")).isEqualTo("s1");
    }
  }

  @Test
  void aFreshTokenInAMessageHeaderIsCheckedToo() {
    try (TestSocket browser = bridge(Tokens.hs256("p", List.of("producer"), List.of("line-*")))) {
      browser.sendText(new JsonObject().put("type", "send").put("address", "anomaly.gateway.request")
          .put("replyAddress", "r2").put("headers", new JsonObject().put("token", Tokens.otherKey("p",
              List.of("admin"))))
          .put("body", new JsonObject().put("session_id", "line-9").put("type", "ping")).encode());
      BridgeTest.assertDenied(browser.next());
    }
  }
}
