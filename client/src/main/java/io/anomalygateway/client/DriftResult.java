package io.anomalygateway.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a drift check: the reference window compared with the newest samples, feature by feature, or the
 * drift that continuous monitoring detected while the reference re-forms after it.
 *
 * @param status {@code ok}, {@code insufficient_data} (then {@code samplesNeeded} says how many more) or {@code reset}
 * @param driftDetected whether any feature drifted
 * @param method the test of the evidence
 * @param windowSize the newest samples compared
 * @param alpha the significance level of the evidence, after correction across features
 * @param samplesNeeded samples still needed before a comparison is possible (0 when it was made)
 * @param features one entry per feature (empty unless {@code status} is {@code ok})
 * @param evidence {@code comparison} (made for this request), {@code monitor} (the detection of continuous
 *     monitoring, while the reference re-forms after it), or {@code null} unless {@code status} is {@code ok}
 * @param detectedAt the stream position of that detection, or of the last one since the last reset; {@code null}
 *     without one
 */
public record DriftResult(String status, boolean driftDetected, String method, int windowSize, double alpha,
                          int samplesNeeded, List<Feature> features, String evidence, Long detectedAt) {

  /**
   * One feature's comparison.
   *
   * @param index the feature's position
   * @param statistic the test's statistic
   * @param pValue the p-value (KS only), or {@code null}
   * @param psi the population stability index
   * @param drifted whether this feature drifted
   */
  public record Feature(int index, double statistic, Double pValue, double psi, boolean drifted) {
  }

  /** @return the indexes of the drifted features */
  public List<Integer> driftedFeatures() {
    return features.stream().filter(Feature::drifted).map(Feature::index).toList();
  }

  static DriftResult fromJson(JsonObject json) {
    List<Feature> features = new ArrayList<>();
    JsonArray array = json.getJsonArray("features", new JsonArray());
    for (int i = 0; i < array.size(); i++) {
      JsonObject f = array.getJsonObject(i);
      features.add(new Feature(f.getInteger("index"), f.getDouble("statistic"), f.getDouble("p_value"),
          f.getDouble("psi"), f.getBoolean("drifted")));
    }
    return new DriftResult(json.getString("status", "ok"), json.getBoolean("drift_detected", false),
        json.getString("method"), json.getInteger("window_size", 0), json.getDouble("alpha", Double.NaN),
        json.getInteger("samples_needed", 0), List.copyOf(features), json.getString("evidence"),
        json.getLong("detected_at"));
  }
}
