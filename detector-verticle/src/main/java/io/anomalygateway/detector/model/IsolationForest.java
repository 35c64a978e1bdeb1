package io.anomalygateway.detector.model;

/**
 * A fitted Isolation Forest (Liu, Ting and Zhou 2008), stored as flat arrays for fast, allocation-free scoring.
 *
 * <p>Each tree is laid out in pre-order: a split node's left child is the next node, its right child is at
 * {@code right[node]}. A leaf holds its depth plus {@code c(size)}, the expected further path length of the samples
 * it still holds, so that scoring only walks and adds. The score of a sample is {@code 2^(-E[h(x)] / c(psi))} where
 * {@code psi} is the subsample size.
 */
public final class IsolationForest implements AnomalyModel {

  private static final double EULER_GAMMA = 0.5772156649015329;

  private final int dimension;
  private final int[] treeStart;
  private final short[] feature;
  private final short[] right;
  private final double[] value;
  private final double normaliser;

  IsolationForest(int dimension, int[] treeStart, short[] feature, short[] right, double[] value, int subsample) {
    this.dimension = dimension;
    this.treeStart = treeStart;
    this.feature = feature;
    this.right = right;
    this.value = value;
    this.normaliser = averagePathLength(subsample);
  }

  @Override
  public double score(double[] values, int offset) {
    return Math.pow(2.0, -meanPathLength(values, offset) / normaliser);
  }

  /**
   * @param values a flat array of rows
   * @param offset where the row starts
   * @return the mean over the trees of the row's path length, leaf adjustment included
   */
  public double meanPathLength(double[] values, int offset) {
    double sum = 0;
    for (int start : treeStart) {
      int node = start;
      int split;
      while ((split = feature[node]) >= 0) {
        node = values[offset + split] <= value[node] ? node + 1 : start + right[node];
      }
      sum += value[node];
    }
    return sum / treeStart.length;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** @return the number of trees */
  public int trees() {
    return treeStart.length;
  }

  /** @return the number of nodes over all trees */
  public int nodes() {
    return feature.length;
  }

  /**
   * The average path length of an unsuccessful search in a binary search tree of {@code n} keys, which normalises
   * path lengths: {@code c(n) = 2 H(n-1) - 2 (n-1) / n}, with {@code c(2) = 1} and {@code c(n) = 0} for
   * {@code n <= 1}. The harmonic number is approximated by {@code ln(i) + Euler's constant}, as in the paper and in
   * scikit-learn.
   *
   * @param n a number of samples
   * @return {@code c(n)}
   */
  public static double averagePathLength(int n) {
    if (n <= 1) {
      return 0.0;
    }
    if (n == 2) {
      return 1.0;
    }
    return 2.0 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
  }
}
