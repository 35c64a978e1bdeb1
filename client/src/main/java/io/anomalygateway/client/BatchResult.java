package io.anomalygateway.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdicts on a batch, one per row, in order.
 *
 * @param algorithm the algorithm that scored it
 * @param anomalies how many rows are anomalous
 * @param results one verdict per row
 * @param processingTimeMillis the server's time from the batch's arrival to its answer, in milliseconds
 */
public record BatchResult(String algorithm, int anomalies, List<DetectionResult> results,
                          double processingTimeMillis) {

  static BatchResult fromJson(JsonObject json) {
    String algorithm = json.getString("algorithm");
    JsonObject metadata = json.getJsonObject("metadata", new JsonObject());
    JsonArray rows = json.getJsonArray("results");
    List<DetectionResult> results = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      results.add(DetectionResult.fromJson(row, algorithm, metadata));
    }
    return new BatchResult(algorithm, json.getInteger("anomalies", 0), List.copyOf(results),
        metadata.getDouble("processing_time_ms", Double.NaN));
  }
}
