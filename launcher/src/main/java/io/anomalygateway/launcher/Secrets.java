package io.anomalygateway.launcher;

import io.anomalygateway.gateway.security.TokenIssuer;
import io.vertx.core.json.JsonObject;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the JWT secret comes from: the configuration's {@code security.jwt_secret}, else the environment variable
 * {@code ANOMALY_JWT_SECRET}, else (for the all-in-one start, when no issuer's public key is configured either) a
 * random one generated for this run.
 */
final class Secrets {

  /** The environment variable holding the HS256 secret. */
  static final String ENVIRONMENT = "ANOMALY_JWT_SECRET";

  private Secrets() {
  }

  /**
   * Puts the secret into {@code security.jwt_secret} when one is known.
   *
   * @param security the {@code security} section
   * @param generateIfMissing whether to generate one when neither the configuration nor the environment has one
   * @return whether the secret was generated for this run
   */
  static boolean resolve(JsonObject security, boolean generateIfMissing) {
    if (security.getString("jwt_secret") != null) {
      return false;
    }
    String fromEnvironment = System.getenv(ENVIRONMENT);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      security.put("jwt_secret", fromEnvironment);
      return false;
    }
    boolean hasPublicKeys = !security.getJsonArray("jwt_public_keys", new io.vertx.core.json.JsonArray()).isEmpty();
    if (generateIfMissing && security.getBoolean("auth_enabled", true) && !hasPublicKeys) {
      security.put("jwt_secret", TokenIssuer.randomSecret());
      return true;
    }
    return false;
  }

  /**
   * @param host the interface the server binds
   * @return whether it accepts connections from this machine only
   */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
