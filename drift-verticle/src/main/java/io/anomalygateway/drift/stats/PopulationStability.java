package io.anomalygateway.drift.stats;

import java.util.Arrays;

/**
 * The population stability index (PSI) of a recent sample against a reference, over quantile bins of the
 * reference: {@code PSI = sum over bins of (c - r) ln(c / r)}, with {@code r} and {@code c} the shares of the
 * reference and the recent sample in each bin. The usual reading: below 0.1 no significant change, 0.1 to 0.25 a
 * moderate change, above 0.25 a significant one.
 *
 * <p>Bin edges are the reference's quantiles at {@code 1/bins, ..., (bins-1)/bins}; equal edges (ties in the
 * reference) merge their bins. Empty bins get a share of {@code 0.5 / n} (half an observation), so that the index
 * stays finite.
 */
public final class PopulationStability {

  /** The usual threshold of a moderate change. */
  public static final double MODERATE = 0.1;
  /** The usual threshold of a significant change. */
  public static final double SIGNIFICANT = 0.25;

  private PopulationStability() {
  }

  /**
   * @param reference the reference sample (not changed)
   * @param recent the recent sample (not changed)
   * @param bins the number of quantile bins
   * @return the PSI, 0 or more
   */
  public static double index(double[] reference, double[] recent, int bins) {
    double[] edges = edges(reference, bins);
    double[] referenceShares = shares(reference, edges);
    double[] recentShares = shares(recent, edges);
    double psi = 0;
    for (int b = 0; b < referenceShares.length; b++) {
      double r = Math.max(referenceShares[b], 0.5 / reference.length);
      double c = Math.max(recentShares[b], 0.5 / recent.length);
      psi += (c - r) * Math.log(c / r);
    }
    return psi;
  }

  private static double[] edges(double[] reference, int bins) {
    double[] sorted = reference.clone();
    Arrays.sort(sorted);
    double[] edges = new double[bins - 1];
    int count = 0;
    for (int i = 1; i < bins; i++) {
      double edge = sorted[(int) Math.min(sorted.length - 1, Math.floor((double) i * sorted.length / bins))];
      if (count == 0 || edge > edges[count - 1]) {
        edges[count++] = edge;
      }
    }
    return Arrays.copyOf(edges, count);
  }

  /**
   * Shares of values in each bin: bin {@code b} holds values in {@code (edges[b-1], edges[b]]}, so that a constant
   * reference (one edge) still tells values above it from values at it.
   */
  private static double[] shares(double[] values, double[] edges) {
    double[] counts = new double[edges.length + 1];
    for (double value : values) {
      int bin = Arrays.binarySearch(edges, value);
      counts[bin >= 0 ? bin : -bin - 1]++;
    }
    for (int b = 0; b < counts.length; b++) {
      counts[b] /= values.length;
    }
    return counts;
  }
}
