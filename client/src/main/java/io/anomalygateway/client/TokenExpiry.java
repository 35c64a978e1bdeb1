package io.anomalygateway.client;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * When to refresh a bearer token: read from its own {@code exp} claim (the client does not verify tokens; the
 * server does). The refresh comes a third of the lifetime before expiry, at most 30 s before, so that a slow
 * supplier or a busy connection still has time.
 */
final class TokenExpiry {

  private static final long MAX_MARGIN_MILLIS = 30_000;

  private TokenExpiry() {
  }

  /**
   * @param token a JWT
   * @param nowMillis the current time
   * @return milliseconds until the token should be refreshed, or -1 when it has no readable {@code exp}
   */
  static long refreshDelay(String token, long nowMillis) {
    long expiresAt = expiresAtMillis(token);
    if (expiresAt < 0) {
      return -1;
    }
    long lifetime = Math.max(0, expiresAt - nowMillis);
    return Math.max(1, lifetime - Math.min(MAX_MARGIN_MILLIS, lifetime / 3));
  }

  private static long expiresAtMillis(String token) {
    String[] parts = token.split("\\.");
    if (parts.length < 2) {
      return -1;
    }
    try {
      JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      Object exp = claims.getValue("exp");
      return exp instanceof Number number ? number.longValue() * 1000 : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
