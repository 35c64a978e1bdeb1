package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

import java.util.Arrays;

/**
 * Maps each feature's training range {@code [min, max]} onto {@code [-1, 1]} and rounds to {@code float}, so that an
 * {@link IsolationForest} can store 4-byte thresholds without losing the resolution of features with a large offset
 * (an epoch timestamp in milliseconds keeps its milliseconds: float's 24 bits of precision apply to the range, not
 * to the raw value). Isolation is unchanged by the mapping: it is increasing per feature, so every split of the raw
 * values has a split of the mapped ones that sends the same rows the same way, and a threshold drawn uniformly in
 * the mapped range is one drawn uniformly in the raw range. Values far outside the range may round to an infinity,
 * which still lands on the correct side of every finite threshold.
 */
final class RangeScaling {

  private final double[] centre;
  private final double[] inverseHalfRange;

  private RangeScaling(double[] centre, double[] inverseHalfRange) {
    this.centre = centre;
    this.inverseHalfRange = inverseHalfRange;
  }

  /** @return the scaling of the rows' ranges; a constant feature maps to 0 */
  static RangeScaling of(Samples data) {
    int d = data.dims();
    double[] min = new double[d];
    double[] max = new double[d];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    double[] values = data.values();
    for (int i = 0; i < data.count() * d; i++) {
      int k = i % d;
      min[k] = Math.min(min[k], values[i]);
      max[k] = Math.max(max[k], values[i]);
    }
    double[] centre = new double[d];
    double[] inverse = new double[d];
    for (int k = 0; k < d; k++) {
      // Halving first keeps max - min from overflowing when the values span most of the double range.
      double half = max[k] / 2 - min[k] / 2;
      centre[k] = min[k] + half;
      inverse[k] = half > 0 ? 1 / half : 1;
    }
    return new RangeScaling(centre, inverse);
  }

  /**
   * @param threshold a split's threshold on a feature, mapped by {@code from}
   * @param feature the feature
   * @param from the scaling the threshold was mapped by
   * @return the same threshold mapped by this scaling, so that trees grown on other ranges can join a forest
   */
  float remap(float threshold, int feature, RangeScaling from) {
    double value = from.centre[feature] + threshold / from.inverseHalfRange[feature];
    return (float) ((value - centre[feature]) * inverseHalfRange[feature]);
  }

  /** Maps one row into {@code into}, which has one slot per feature. */
  void map(double[] values, int offset, float[] into) {
    for (int k = 0; k < into.length; k++) {
      into[k] = (float) ((values[offset + k] - centre[k]) * inverseHalfRange[k]);
    }
  }

  /** @return every row mapped, in one flat array */
  float[] mapAll(Samples data) {
    int d = data.dims();
    float[] mapped = new float[data.count() * d];
    double[] values = data.values();
    for (int i = 0; i < mapped.length; i++) {
      int k = i % d;
      mapped[i] = (float) ((values[i] - centre[k]) * inverseHalfRange[k]);
    }
    return mapped;
  }
}
