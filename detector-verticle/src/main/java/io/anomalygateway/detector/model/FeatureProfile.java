package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.bus.FeatureContribution;
import org.apache.commons.statistics.descriptive.Median;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The usual values of each feature on the rows a model was fitted on, by median and median absolute deviation
 * (MAD), which explain why a sample is anomalous: each feature's robust deviation is
 * {@code |x - median| / (1.4826 MAD)}, the number of standard deviations it lies from the median when the feature
 * is normal, and unaffected by the outliers in the buffer. A feature's contribution is its share of the sum of the
 * deviations. A feature constant in the buffer gets a tiny scale, so that any change of it dominates.
 */
public final class FeatureProfile {

  /** Scales a MAD to a standard deviation for normally distributed data. */
  static final double MAD_TO_SD = 1.4826;

  private static final Median MEDIAN = Median.withDefaults().withCopy(false);

  private final double[] median;
  private final double[] scale;

  private FeatureProfile(double[] median, double[] scale) {
    this.median = median;
    this.scale = scale;
  }

  /**
   * @param data the training rows
   * @return each feature's median and robust scale
   */
  public static FeatureProfile of(Samples data) {
    int d = data.dims();
    int n = data.count();
    double[] median = new double[d];
    double[] scale = new double[d];
    double[] column = new double[n];
    for (int k = 0; k < d; k++) {
      for (int i = 0; i < n; i++) {
        column[i] = data.value(i, k);
      }
      median[k] = median(column);
      for (int i = 0; i < n; i++) {
        column[i] = Math.abs(column[i] - median[k]);
      }
      double mad = MAD_TO_SD * median(column);
      scale[k] = mad > 0 ? mad : Math.max(1e-9, Math.abs(median[k]) * 1e-9);
    }
    return new FeatureProfile(median, scale);
  }

  /**
   * @param values a flat array of rows
   * @param offset where the row starts
   * @param top how many features to name
   * @return the {@code top} features that deviate most, largest first
   */
  public List<FeatureContribution> explain(double[] values, int offset, int top) {
    int d = median.length;
    double[] deviation = new double[d];
    double total = 0;
    for (int k = 0; k < d; k++) {
      deviation[k] = (values[offset + k] - median[k]) / scale[k];
      total += Math.abs(deviation[k]);
    }
    Integer[] order = new Integer[d];
    for (int k = 0; k < d; k++) {
      order[k] = k;
    }
    Arrays.sort(order, Comparator.comparingDouble(k -> -Math.abs(deviation[k])));
    List<FeatureContribution> explanation = new ArrayList<>(Math.min(top, d));
    for (int i = 0; i < Math.min(top, d); i++) {
      int k = order[i];
      double share = total > 0 ? Math.abs(deviation[k]) / total : 1.0 / d;
      explanation.add(new FeatureContribution(k, values[offset + k], share,
          deviation[k] >= 0 ? FeatureContribution.ABOVE : FeatureContribution.BELOW));
    }
    return explanation;
  }

  /** The middle value, or the mean of the two middle ones; by selection, which reorders the column in place. */
  private static double median(double[] column) {
    return MEDIAN.evaluate(column);
  }
}
