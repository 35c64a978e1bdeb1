package io.anomalygateway.gateway.security;

import io.vertx.core.json.JsonObject;

/**
 * The rates a role may send at, per connection: messages per second and samples per second, each with a burst of
 * one second's worth.
 *
 * @param messagesPerSecond messages per second
 * @param samplesPerSecond samples per second (a batch counts its rows)
 */
public record RateLimit(double messagesPerSecond, double samplesPerSecond) {

  /** Validates the rates. */
  public RateLimit {
    if (!(messagesPerSecond > 0) || !(samplesPerSecond > 0)) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
  }

  /** @return the limit as configuration */
  public JsonObject toJson() {
    return new JsonObject().put("messages_per_second", messagesPerSecond).put("samples_per_second", samplesPerSecond);
  }

  /**
   * @param json a role's entry of {@code rate_limits}
   * @param defaults the values of absent keys
   * @return the limit
   */
  public static RateLimit fromJson(JsonObject json, RateLimit defaults) {
    return new RateLimit(json.getDouble("messages_per_second", defaults.messagesPerSecond),
        json.getDouble("samples_per_second", defaults.samplesPerSecond));
  }
}
