package io.anomalygateway.protocol.bus;

import io.vertx.core.json.JsonObject;

/**
 * How much one feature of a sample contributed to its anomaly score: part of an explanation.
 *
 * @param index the feature's position in the sample
 * @param value the sample's value of the feature
 * @param contribution the feature's share of the explanation, in [0, 1]; the shares of all features sum to 1
 * @param direction {@code "above"} or {@code "below"}: on which side of the usual values the sample lies
 */
public record FeatureContribution(int index, double value, double contribution, String direction) {

  /** Direction of a value greater than usual. */
  public static final String ABOVE = "above";
  /** Direction of a value smaller than usual. */
  public static final String BELOW = "below";

  /**
   * Reads one entry of a result's {@code explanation}, as {@code ResponseWriter} writes it.
   *
   * @param json {@code {"index", "value", "contribution", "direction"}}
   * @return the contribution
   */
  public static FeatureContribution fromJson(JsonObject json) {
    return new FeatureContribution(json.getInteger("index"), json.getDouble("value"),
        json.getDouble("contribution"), json.getString("direction"));
  }
}
