package io.anomalygateway.gateway.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies bearer tokens with vertx-auth-jwt: HS256 with the configured secret, or RS256/ES256 (and the other
 * algorithms of the configured public keys) for tokens of an identity provider. {@code alg: none}, unknown keys,
 * bad signatures and expired tokens are refused. A token must name its {@code sub} and at least one known role in
 * {@code roles}; {@code sessions} optionally restricts the sessions it may open.
 */
public final class Authenticator {

  /** Why a token was refused; never shown to clients, who only see 401. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private final boolean enabled;
  private final JWTAuth jwt;

  /**
   * @param vertx the Vert.x instance
   * @param options the security settings
   * @throws IllegalArgumentException when authentication is on and no key is configured
   */
  public Authenticator(Vertx vertx, SecurityOptions options) {
    this.enabled = options.authEnabled();
    if (!enabled) {
      this.jwt = null;
      return;
    }
    JWTAuthOptions auth = new JWTAuthOptions();
    if (options.jwtSecret() != null) {
      auth.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(options.jwtSecret()));
    }
    for (SecurityOptions.PublicKey key : options.jwtPublicKeys()) {
      auth.addPubSecKey(new PubSecKeyOptions().setAlgorithm(key.algorithm()).setBuffer(key.pem()));
    }
    if (auth.getPubSecKeys() == null || auth.getPubSecKeys().isEmpty()) {
      throw new IllegalArgumentException("Authentication is on but no JWT secret or public key is configured");
    }
    this.jwt = JWTAuth.create(vertx, auth);
  }

  /** @return whether tokens are checked at all */
  public boolean enabled() {
    return enabled;
  }

  /**
   * @param token a bearer token, or {@code null}
   * @return the verified principal; a failed future with {@link Refused} otherwise
   */
  public Future<Principal> authenticate(String token) {
    if (!enabled) {
      return Future.succeededFuture(Principal.UNAUTHENTICATED);
    }
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(new Refused("no token"));
    }
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new Refused("invalid token: " + e.getMessage())))
        .compose(user -> principal(claims(user), token));
  }

  /** vertx-auth-jwt keeps the whole payload, {@code exp} included, in the attribute {@code accessToken}. */
  private static JsonObject claims(io.vertx.ext.auth.User user) {
    JsonObject payload = user.attributes().getJsonObject("accessToken");
    return payload != null ? payload : user.principal();
  }

  private static Future<Principal> principal(JsonObject claims, String token) {
    Object subject = claims.getValue("sub");
    Object roles = claims.getValue("roles");
    if (!(subject instanceof String) || !(roles instanceof JsonArray)) {
      return Future.failedFuture(new Refused("a token needs 'sub' and 'roles'"));
    }
    Role highest = null;
    for (Object claim : (JsonArray) roles) {
      Role role = claim instanceof String ? Role.ofClaim((String) claim) : null;
      if (role != null && (highest == null || role.compareTo(highest) > 0)) {
        highest = role;
      }
    }
    if (highest == null) {
      return Future.failedFuture(new Refused("no known role in 'roles'"));
    }
    List<String> sessions = null;
    Object claimed = claims.getValue("sessions");
    if (claimed != null) {
      if (!(claimed instanceof JsonArray)) {
        return Future.failedFuture(new Refused("'sessions' must be an array"));
      }
      sessions = new ArrayList<>();
      for (Object session : (JsonArray) claimed) {
        sessions.add(String.valueOf(session));
      }
    }
    long expires = claims.getValue("exp") instanceof Number ? claims.getLong("exp") : Long.MAX_VALUE;
    String id = claims.getValue("jti") instanceof String ? claims.getString("jti") : digest(token);
    return Future.succeededFuture(new Principal((String) subject, highest, sessions, expires, id));
  }

  private static String digest(String token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
