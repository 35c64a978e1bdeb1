package io.anomalygateway.client;

import io.vertx.core.json.JsonObject;

/**
 * The session's state as the server reports it ({@code stats}).
 *
 * @param totalSamples samples the session has scored, each counted once
 * @param anomalies anomalies found
 * @param modelFitted whether the session's model is fitted
 * @param bufferSize rows in the session's buffer
 * @param algorithm the session's default algorithm
 * @param raw the whole {@code stats} object, for the fields not named here (models, drift, connections)
 */
public record SessionStatistics(long totalSamples, long anomalies, boolean modelFitted, int bufferSize,
                                String algorithm, JsonObject raw) {

  static SessionStatistics fromJson(JsonObject message) {
    JsonObject stats = message.getJsonObject("stats", new JsonObject());
    JsonObject streaming = stats.getJsonObject("streaming", new JsonObject());
    return new SessionStatistics(streaming.getLong("total_samples", 0L), streaming.getLong("anomalies", 0L),
        streaming.getBoolean("model_fitted", false), streaming.getInteger("buffer_size", 0),
        streaming.getString("algorithm"), stats);
  }
}
