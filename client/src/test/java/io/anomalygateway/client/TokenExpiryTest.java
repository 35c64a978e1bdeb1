package io.anomalygateway.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class TokenExpiryTest {

  private static String token(JsonObject claims) {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    return encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + encoder.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + ".signature";
  }

  @Test
  void aLongTokenIsRefreshedThirtySecondsBeforeItExpires() {
    long now = 1_000_000_000_000L;
    String hour = token(new JsonObject().put("exp", now / 1000 + 3600));
    assertThat(TokenExpiry.refreshDelay(hour, now)).isEqualTo(3_570_000);
  }

  @Test
  void aShortTokenIsRefreshedAfterTwoThirdsOfItsLife() {
    long now = 1_000_000_000_000L;
    String short3s = token(new JsonObject().put("exp", now / 1000 + 3));
    assertThat(TokenExpiry.refreshDelay(short3s, now)).isEqualTo(2_000);
  }

  @Test
  void aTokenWithoutExpiryIsNeverRefreshed() {
    assertThat(TokenExpiry.refreshDelay(token(new JsonObject().put("sub", "a")), 0)).isEqualTo(-1);
    assertThat(TokenExpiry.refreshDelay("not-a-jwt", 0)).isEqualTo(-1);
    assertThat(TokenExpiry.refreshDelay("a.%%%.c", 0)).isEqualTo(-1);
  }
}
