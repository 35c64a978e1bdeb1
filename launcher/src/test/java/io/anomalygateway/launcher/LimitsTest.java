package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits per connection, admission limits per address and per token, and the origin check. */
@Timeout(60)
class LimitsTest extends SecuredGatewayTest {

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("security", new JsonObject()
        .put("rate_limits", new JsonObject().put("producer", new JsonObject().put("messages_per_second", 20)
            .put("samples_per_second", 1000)))
        .put("flood_close_after", 1.0)
        .put("max_connections_per_ip", 3)
        .put("max_sessions_per_token", 2)
        .put("allowed_origins", new JsonArray().add("https://ops.example.com")));
  }

  private static String producer(String name) {
    return Tokens.hs256(name, List.of("producer"), null);
  }

  @Test
  void answersRateLimitedWithRetryAfterAndKeepsTheConnection() {
    try (TestSocket socket = TestSocket.open(vertx, port, "rate", producer("r"))) {
      for (int i = 0; i < 40; i++) {
        socket.sendText("{\"type\":\"ping\",\"request_id\":\"p" + i + "\"}");
      }
      JsonObject limited = null;
      for (int i = 0; i < 40; i++) {
        JsonObject answer = socket.next();
        if ("error".equals(answer.getString("type"))) {
          limited = answer;
        }
      }
      assertThat(limited).isNotNull();
      assertThat(limited.getJsonObject("error").getString("code")).isEqualTo("RATE_LIMITED");
      assertThat(limited.getJsonObject("error").getLong("retry_after_ms")).isBetween(1L, 1000L);
      assertThat(socket.isClosed()).isFalse();
      socket.poll(limited.getJsonObject("error").getLong("retry_after_ms") + 50);
      assertThat(socket.request(Messages.of("ping")).getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void closesASustainedFloodWith1008() {
    try (TestSocket socket = TestSocket.open(vertx, port, "flood", producer("f"))) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!socket.isClosed() && System.nanoTime() < deadline) {
        socket.sendTextUnchecked("{\"type\":\"ping\"}");
        socket.poll(1);
      }
      assertThat(socket.awaitClose()).isEqualTo((short) 1008);
    }
  }

  @Test
  void limitsTheSessionsOfOneToken() {
    String token = producer("s");
    try (TestSocket first = TestSocket.open(vertx, port, "token-1", token);
         TestSocket second = TestSocket.open(vertx, port, "token-2", token);
         TestSocket again = TestSocket.open(vertx, port, "token-1", token)) {
      assertThat(again.sample(1, 2).getString("type")).isEqualTo("result");
      assertThat(upgrade("token-3", token, null)).isEqualTo(429);
    }
  }

  @Test
  void limitsTheConnectionsOfOneAddress() {
    try (TestSocket a = TestSocket.open(vertx, port, "ip-1", producer("a"));
         TestSocket b = TestSocket.open(vertx, port, "ip-2", producer("b"));
         TestSocket c = TestSocket.open(vertx, port, "ip-3", producer("c"))) {
      assertThat(upgrade("ip-4", producer("d"), null)).isEqualTo(429);
    }
  }

  @Test
  void checksTheBrowserOriginAgainstTheAllowList() {
    assertThat(upgrade("origin-1", producer("o"), "https://evil.example.net")).isEqualTo(403);
    assertThat(upgrade("origin-2", producer("o"), "https://ops.example.com")).isEqualTo(101);
    assertThat(upgrade("origin-3", producer("o"), "http://localhost:" + port)).isEqualTo(101);
  }

  private int upgrade(String session, String token, String origin) {
    return TestSocket.upgradeStatus(vertx, port, session, origin == null
        ? Map.of("Authorization", "Bearer " + token) : Map.of("Authorization", "Bearer " + token, "Origin", origin));
  }
}
