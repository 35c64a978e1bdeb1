package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens at the WebSocket handshake: who gets in, who gets 401 or 403, and when a connection ends. */
@Timeout(60)
class AuthenticationTest extends SecuredGatewayTest {

  @Test
  void acceptsATokenMintedByAStandardJwtLibraryInTheAuthorizationHeader() {
    try (TestSocket socket = TestSocket.open(vertx, port, "auth-header", Tokens.hs256("alice", List.of("producer"),
        null))) {
      assertThat(socket.sample(1, 2).getString("type")).isEqualTo("result");
    }
  }

  @Test
  void acceptsATokenInTheQueryForClientsThatCannotSetHeaders() {
    String token = Tokens.hs256("bob", List.of("producer"), null);
    try (TestSocket socket = TestSocket.connect(vertx, port, "/api/v1/streaming/enhanced/auth-query?token=" + token)) {
      JsonObject welcome = socket.next();
      assertThat(welcome.getString("type")).isEqualTo("welcome");
      assertThat(welcome.getString("role")).isEqualTo("producer");
    }
  }

  @Test
  void acceptsAnRs256TokenOfATrustedIdentityProvider() {
    try (TestSocket socket = TestSocket.open(vertx, port, "auth-rsa", Tokens.rs256("carol", List.of("producer")))) {
      assertThat(socket.sample(1, 2).getString("type")).isEqualTo("result");
    }
  }

  @Test
  void refusesMissingInvalidAndExpiredTokensWith401() {
    assertThat(status("auth-none", null)).isEqualTo(401);
    assertThat(status("auth-garbage", "not.a.token")).isEqualTo(401);
    assertThat(status("auth-other-key", Tokens.otherKey("mallory", List.of("admin")))).isEqualTo(401);
    assertThat(status("auth-expired", Tokens.expired("dave", List.of("producer")))).isEqualTo(401);
    assertThat(status("auth-alg-none", Tokens.unsigned("mallory"))).isEqualTo(401);
    assertThat(status("auth-forged", Tokens.forgedRoles("mallory"))).isEqualTo(401);
    assertThat(status("auth-no-role", Tokens.hs256("erin", List.of("superuser"), null))).isEqualTo(401);
  }

  @Test
  void refusesATokenForAnotherSessionWith403() {
    String token = Tokens.hs256("frank", List.of("producer"), List.of("plant-*"));
    assertThat(status("plant-7", token)).isEqualTo(101);
    assertThat(status("office-1", token)).isEqualTo(403);
  }

  @Test
  void closesAConnectionWhoseTokenExpiredWithADistinctCode() {
    String token = com.auth0.jwt.JWT.create().withSubject("gina").withClaim("roles", List.of("producer"))
        .withExpiresAt(Instant.now().plusSeconds(2)).sign(com.auth0.jwt.algorithms.Algorithm.HMAC256(Tokens.SECRET));
    try (TestSocket socket = TestSocket.open(vertx, port, "auth-expiring", token)) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      // One ping at a time, each awaited: the connection ends at the first message after the token's expiry.
      while (!socket.isClosed() && System.nanoTime() < deadline) {
        socket.sendTextUnchecked("{\"type\":\"ping\"}");
        socket.poll(1000);
        socket.poll(100);
      }
      assertThat(socket.awaitClose()).isEqualTo((short) 4401);
    }
  }

  private int status(String session, String token) {
    return TestSocket.upgradeStatus(vertx, port, session, token == null ? Map.of()
        : Map.of("Authorization", "Bearer " + token));
  }
}
