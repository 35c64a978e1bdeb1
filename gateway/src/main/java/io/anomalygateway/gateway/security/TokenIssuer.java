package io.anomalygateway.gateway.security;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Mints HS256 tokens with the server's secret: for the {@code token} command and the first start's printout. */
public final class TokenIssuer {

  private final JWTAuth jwt;

  /**
   * @param vertx the Vert.x instance
   * @param secret the HS256 secret, at least {@link SecurityOptions#MIN_SECRET_BYTES} bytes
   */
  public TokenIssuer(Vertx vertx, String secret) {
    SecurityOptions.checkSecret(secret);
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
  }

  /**
   * @param subject the token's {@code sub}
   * @param role the token's role
   * @param sessions the sessions (or patterns) it may open, or {@code null} for any
   * @param ttlSeconds its lifetime
   * @return the signed token
   */
  public String mint(String subject, Role role, List<String> sessions, long ttlSeconds) {
    JsonObject claims = new JsonObject().put("roles", new JsonArray().add(role.claim()))
        .put("jti", UUID.randomUUID().toString());
    if (sessions != null) {
      claims.put("sessions", new JsonArray(sessions));
    }
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setSubject(subject)
        .setExpiresInSeconds((int) Math.min(Integer.MAX_VALUE, ttlSeconds)));
  }

  /** @return a random 256-bit secret, base64url-encoded (43 characters) */
  public static String randomSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }
}
