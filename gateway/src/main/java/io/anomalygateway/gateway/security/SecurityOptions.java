package io.anomalygateway.gateway.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of authentication, authorisation and limits: the {@code security} section of the configuration. Every
 * setter validates its value.
 */
public class SecurityOptions {

  /** Default: authentication is on. */
  public static final boolean DEFAULT_AUTH_ENABLED = true;
  /** Smallest accepted HS256 secret, in bytes (vertx-auth-jwt accepts any). */
  public static final int MIN_SECRET_BYTES = 32;
  /** Default connection attempts one IP address may make per minute. */
  public static final int DEFAULT_CONNECTIONS_PER_IP_PER_MINUTE = 1200;
  /** Default open connections per IP address. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 500;
  /** Default sessions one token may have open at once. */
  public static final int DEFAULT_MAX_SESSIONS_PER_TOKEN = 100;
  /** Default seconds of sustained flooding after which a connection is closed with 1008. */
  public static final double DEFAULT_FLOOD_CLOSE_AFTER = 5.0;
  /** Default rate limits per role. */
  public static final Map<Role, RateLimit> DEFAULT_RATE_LIMITS = Map.of(
      Role.VIEWER, new RateLimit(50, 1),
      Role.PRODUCER, new RateLimit(5_000, 200_000),
      Role.ADMIN, new RateLimit(5_000, 200_000));

  private boolean authEnabled = DEFAULT_AUTH_ENABLED;
  private String jwtSecret;
  private JsonArray jwtPublicKeys = new JsonArray();
  private List<String> allowedOrigins = List.of();
  private Map<Role, RateLimit> rateLimits = new EnumMap<>(DEFAULT_RATE_LIMITS);
  private int connectionsPerIpPerMinute = DEFAULT_CONNECTIONS_PER_IP_PER_MINUTE;
  private int maxConnectionsPerIp = DEFAULT_MAX_CONNECTIONS_PER_IP;
  private int maxSessionsPerToken = DEFAULT_MAX_SESSIONS_PER_TOKEN;
  private double floodCloseAfter = DEFAULT_FLOOD_CLOSE_AFTER;

  /** Options with every default (and no key: authentication then refuses every token). */
  public SecurityOptions() {
  }

  /**
   * @param json the {@code security} section of the configuration; absent keys keep their defaults
   */
  public SecurityOptions(JsonObject json) {
    setAuthEnabled(json.getBoolean("auth_enabled", DEFAULT_AUTH_ENABLED));
    setJwtSecret(json.getString("jwt_secret"));
    setJwtPublicKeys(json.getJsonArray("jwt_public_keys", new JsonArray()));
    setAllowedOrigins(json.getJsonArray("allowed_origins", new JsonArray()).stream().map(String::valueOf).toList());
    JsonObject limits = json.getJsonObject("rate_limits", new JsonObject());
    for (Role role : Role.values()) {
      rateLimits.put(role, RateLimit.fromJson(limits.getJsonObject(role.claim(), new JsonObject()),
          DEFAULT_RATE_LIMITS.get(role)));
    }
    setConnectionsPerIpPerMinute(json.getInteger("connections_per_ip_per_minute",
        DEFAULT_CONNECTIONS_PER_IP_PER_MINUTE));
    setMaxConnectionsPerIp(json.getInteger("max_connections_per_ip", DEFAULT_MAX_CONNECTIONS_PER_IP));
    setMaxSessionsPerToken(json.getInteger("max_sessions_per_token", DEFAULT_MAX_SESSIONS_PER_TOKEN));
    setFloodCloseAfter(json.getDouble("flood_close_after", DEFAULT_FLOOD_CLOSE_AFTER));
  }

  /** @return the options as the {@code security} section (the secret itself is not repeated) */
  public JsonObject toJson() {
    JsonObject limits = new JsonObject();
    rateLimits.forEach((role, limit) -> limits.put(role.claim(), limit.toJson()));
    return new JsonObject()
        .put("auth_enabled", authEnabled)
        .put("jwt_public_keys", jwtPublicKeys.copy())
        .put("allowed_origins", new JsonArray(allowedOrigins))
        .put("rate_limits", limits)
        .put("connections_per_ip_per_minute", connectionsPerIpPerMinute)
        .put("max_connections_per_ip", maxConnectionsPerIp)
        .put("max_sessions_per_token", maxSessionsPerToken)
        .put("flood_close_after", floodCloseAfter);
  }

  /** @return whether requests must carry a valid token */
  public boolean isAuthEnabled() {
    return authEnabled;
  }

  /**
   * @param authEnabled whether requests must carry a valid token
   * @return this
   */
  public SecurityOptions setAuthEnabled(boolean authEnabled) {
    this.authEnabled = authEnabled;
    return this;
  }

  /** @return the HS256 secret, or {@code null} */
  public String getJwtSecret() {
    return jwtSecret;
  }

  /**
   * @param jwtSecret the HS256 secret, at least {@link #MIN_SECRET_BYTES} bytes, or {@code null}
   * @return this
   * @throws IllegalArgumentException for a shorter secret: a short HMAC key can be guessed
   */
  public SecurityOptions setJwtSecret(String jwtSecret) {
    if (jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("The JWT secret must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    this.jwtSecret = jwtSecret;
    return this;
  }

  /** @return the public keys of trusted issuers: objects with {@code algorithm} (RS256, ES256...) and {@code pem} */
  public JsonArray getJwtPublicKeys() {
    return jwtPublicKeys;
  }

  /**
   * @param jwtPublicKeys public keys of trusted issuers, each {@code {"algorithm": ..., "pem": ...}}
   * @return this
   */
  public SecurityOptions setJwtPublicKeys(JsonArray jwtPublicKeys) {
    for (Object key : jwtPublicKeys) {
      if (!(key instanceof JsonObject) || ((JsonObject) key).getString("algorithm") == null
          || ((JsonObject) key).getString("pem") == null) {
        throw new IllegalArgumentException("every jwt_public_keys entry needs 'algorithm' and 'pem'");
      }
    }
    this.jwtPublicKeys = jwtPublicKeys.copy();
    return this;
  }

  /** @return the browser origins allowed besides the server's own; empty means same origin only */
  public List<String> getAllowedOrigins() {
    return allowedOrigins;
  }

  /**
   * @param allowedOrigins browser origins allowed besides the server's own, e.g. {@code https://ops.example.com}
   * @return this
   */
  public SecurityOptions setAllowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
    return this;
  }

  /**
   * @param role a role
   * @return its rate limit
   */
  public RateLimit getRateLimit(Role role) {
    return rateLimits.get(role);
  }

  /**
   * @param role a role
   * @param limit its rate limit
   * @return this
   */
  public SecurityOptions setRateLimit(Role role, RateLimit limit) {
    rateLimits.put(role, java.util.Objects.requireNonNull(limit));
    return this;
  }

  /** @return connection attempts one IP address may make per minute */
  public int getConnectionsPerIpPerMinute() {
    return connectionsPerIpPerMinute;
  }

  /**
   * @param connectionsPerIpPerMinute connection attempts one IP address may make per minute, at least 1
   * @return this
   */
  public SecurityOptions setConnectionsPerIpPerMinute(int connectionsPerIpPerMinute) {
    this.connectionsPerIpPerMinute = positive("connections_per_ip_per_minute", connectionsPerIpPerMinute);
    return this;
  }

  /** @return open connections allowed per IP address */
  public int getMaxConnectionsPerIp() {
    return maxConnectionsPerIp;
  }

  /**
   * @param maxConnectionsPerIp open connections allowed per IP address, at least 1
   * @return this
   */
  public SecurityOptions setMaxConnectionsPerIp(int maxConnectionsPerIp) {
    this.maxConnectionsPerIp = positive("max_connections_per_ip", maxConnectionsPerIp);
    return this;
  }

  /** @return sessions one token may have open at once */
  public int getMaxSessionsPerToken() {
    return maxSessionsPerToken;
  }

  /**
   * @param maxSessionsPerToken sessions one token may have open at once, at least 1
   * @return this
   */
  public SecurityOptions setMaxSessionsPerToken(int maxSessionsPerToken) {
    this.maxSessionsPerToken = positive("max_sessions_per_token", maxSessionsPerToken);
    return this;
  }

  /** @return seconds of sustained flooding after which a connection is closed */
  public double getFloodCloseAfter() {
    return floodCloseAfter;
  }

  /**
   * @param floodCloseAfter seconds of sustained flooding after which a connection is closed, positive
   * @return this
   */
  public SecurityOptions setFloodCloseAfter(double floodCloseAfter) {
    if (!(floodCloseAfter > 0) || Double.isInfinite(floodCloseAfter)) {
      throw new IllegalArgumentException("flood_close_after must be positive");
    }
    this.floodCloseAfter = floodCloseAfter;
    return this;
  }

  private static int positive(String key, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1");
    }
    return value;
  }
}
