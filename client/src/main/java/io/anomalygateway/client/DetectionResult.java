package io.anomalygateway.client;

import io.anomalygateway.protocol.bus.FeatureContribution;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one sample.
 *
 * @param sampleId the server's id of the sample
 * @param anomaly whether the sample is anomalous
 * @param confidenceScore how anomalous, in [0, 1]; 0 before the session's model is fitted
 * @param algorithm the algorithm that scored it
 * @param modelFitted whether the session's model was fitted (before, no sample is anomalous)
 * @param explanation the features that made it anomalous, largest first; empty for normal samples
 * @param processingTimeMillis the server's time from the request's arrival to its answer (for a row of a batch,
 *     the whole batch's), in milliseconds; the rest of the round trip is the network and the client
 */
public record DetectionResult(String sampleId, boolean anomaly, double confidenceScore, String algorithm,
                              boolean modelFitted, List<FeatureContribution> explanation,
                              double processingTimeMillis) {

  /** Reads a {@code result} message, or one entry of a {@code batch_result} with the batch's metadata. */
  static DetectionResult fromJson(JsonObject entry, String algorithm, JsonObject metadata) {
    JsonArray explained = entry.getJsonArray("explanation", metadata.getJsonArray("explanation"));
    List<FeatureContribution> features = new ArrayList<>();
    if (explained != null) {
      for (int i = 0; i < explained.size(); i++) {
        features.add(FeatureContribution.fromJson(explained.getJsonObject(i)));
      }
    }
    return new DetectionResult(entry.getString("sample_id"), entry.getBoolean("is_anomaly"),
        entry.getDouble("confidence_score"), algorithm, metadata.getBoolean("model_fitted", false),
        List.copyOf(features), metadata.getDouble("processing_time_ms", Double.NaN));
  }

  static DetectionResult fromResult(JsonObject result) {
    return fromJson(result, result.getString("algorithm"), result.getJsonObject("metadata", new JsonObject()));
  }
}
