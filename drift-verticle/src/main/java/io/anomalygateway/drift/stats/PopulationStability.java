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
   * A reference sample's bins, computed once for many comparisons: continuous monitoring compares each new window
   * with the same reference, and sorting the reference is most of the cost of the index.
   */
  public static final class Reference {

    private final double[] edges;
    private final double[] shares;
    private final int size;

    private Reference(double[] edges, double[] shares, int size) {
      this.edges = edges;
      this.shares = shares;
      this.size = size;
    }
  }

  /**
   * @param reference the reference sample (not changed)
   * @param bins the number of quantile bins
   * @return its bin edges and the share of it in each bin
   */
  public static Reference reference(double[] reference, int bins) {
    double[] edges = edges(reference, bins);
    return new Reference(edges, shares(reference, edges), reference.length);
  }

  /**
   * @param reference the reference sample (not changed)
   * @param recent the recent sample (not changed)
   * @param bins the number of quantile bins
   * @return the PSI, 0 or more
   */
  public static double index(double[] reference, double[] recent, int bins) {
    return index(reference(reference, bins), recent);
  }

  /**
   * @param reference the reference sample's bins
   * @param recent the recent sample (not changed)
   * @return the PSI, 0 or more
   */
  public static double index(Reference reference, double[] recent) {
    double[] recentShares = shares(recent, reference.edges);
    double psi = 0;
    for (int b = 0; b < recentShares.length; b++) {
      double r = Math.max(reference.shares[b], 0.5 / reference.size);
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
