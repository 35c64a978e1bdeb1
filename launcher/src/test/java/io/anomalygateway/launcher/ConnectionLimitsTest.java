package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Limits that protect the node: connections, ids, message size; and a clean goodbye on shutdown. */
@Timeout(60)
class ConnectionLimitsTest extends EmbeddedGatewayTest {

  private static final int MAX_MESSAGE = 64 * 1024;

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("gateway", new JsonObject()
        .put("max_connections", 3)
        .put("max_message_size", MAX_MESSAGE));
  }

  @Test
  void refusesUpgradesBeyondMaxConnectionsWith503() {
    List<TestSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(open("crowd"));
      }
      assertThatThrownBy(() -> TestSocket.connect(vertx, port, "crowd"))
          .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(503));
      open.remove(0).close();
      awaitConnections(open.get(0), 2);
      try (TestSocket again = open("crowd")) {
        assertThat(again.sample(1, 2).getString("type")).isEqualTo("result");
      }
    } finally {
      open.forEach(TestSocket::close);
    }
  }

  @Test
  void refusesInvalidSessionIdsBeforeTheUpgrade() {
    assertThatThrownBy(() -> TestSocket.connect(vertx, port, "bad%20id"))
        .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(400));
    assertThatThrownBy(() -> TestSocket.connect(vertx, port, "x".repeat(300)))
        .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(400));
  }

  @Test
  void closesWith1009WhenOneFrameIsTooLarge() {
    try (TestSocket socket = open("huge-frame")) {
      socket.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(MAX_MESSAGE) + "\"}");
      assertThat(socket.awaitClose()).isEqualTo((short) 1009);
    }
  }

  @Test
  void closesWith1009WhenAFragmentedMessageIsTooLarge() {
    try (TestSocket socket = open("huge-message")) {
      String part = "x".repeat(16 * 1024);
      socket.sendFrameUnchecked(WebSocketFrame.textFrame("{\"type\":\"ping\",\"pad\":\"" + part, false));
      for (int i = 0; i < 5; i++) {
        socket.sendFrameUnchecked(WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer(part), false));
      }
      socket.sendFrameUnchecked(WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer("\"}"), true));
      JsonObject error = socket.next();
      assertThat(error.getJsonObject("error").getString("code")).isEqualTo("MESSAGE_TOO_LARGE");
      assertThat(socket.awaitClose()).isEqualTo((short) 1009);
    }
  }

  @Test
  void acceptsAFragmentedMessageWithinTheLimit() {
    try (TestSocket socket = open("fragments")) {
      socket.sendFrame(WebSocketFrame.textFrame("{\"type\":\"sample\",", false));
      socket.sendFrame(WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer("\"data\":[1,2],"), false));
      socket.sendFrame(WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer("\"request_id\":\"f\"}"),
          true));
      JsonObject result = socket.next();
      assertThat(result.getString("type")).isEqualTo("result");
      assertThat(result.getString("request_id")).isEqualTo("f");
    }
  }

  @Test
  void saysGoingAwayToEveryClientOnShutdown() {
    Vertx clients = Vertx.vertx();
    try (TestSocket first = TestSocket.open(clients, port, "shutdown-a");
         TestSocket second = TestSocket.open(clients, port, "shutdown-b")) {
      vertx.close();
      assertThat(first.awaitClose()).isEqualTo((short) 1001);
      assertThat(second.awaitClose()).isEqualTo((short) 1001);
    } finally {
      clients.close();
    }
  }

  private static void awaitConnections(TestSocket socket, int expected) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      int active = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("connections")
          .getInteger("active_connections");
      if (active == expected) {
        return;
      }
    }
    throw new AssertionError("the server did not see " + expected + " connections");
  }
}
