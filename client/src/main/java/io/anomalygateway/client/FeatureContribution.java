package io.anomalygateway.client;

import io.vertx.core.json.JsonObject;

/**
 * One feature named in the explanation of an anomaly.
 *
 * @param index the feature's position in the sample
 * @param value its value in the sample
 * @param contribution its share of the explanation (summing to 1 over all features)
 * @param direction {@code above} or {@code below} the usual values
 */
public record FeatureContribution(int index, double value, double contribution, String direction) {

  static FeatureContribution fromJson(JsonObject json) {
    return new FeatureContribution(json.getInteger("index"), json.getDouble("value"),
        json.getDouble("contribution"), json.getString("direction"));
  }
}
