package io.anomalygateway.detector.model;

/**
 * A fitted Isolation Forest (Liu, Ting and Zhou 2008), stored for fast, allocation-free scoring.
 *
 * <p>Each tree is a complete binary tree of its height limit {@code h}, in breadth-first arrays: node {@code i} has
 * children {@code 2i+1} (values {@code <=} its threshold) and {@code 2i+2}. A leaf above the bottom level is padded
 * with pass-through nodes (threshold {@code +Infinity}, so every finite value goes left) down to a bottom slot that
 * holds its path length: its depth plus {@code c(size)}, the expected further path length of the rows it still
 * holds. Every sample then walks exactly {@code h} steps with no data-dependent exit, which keeps the processor's
 * branch prediction out of the way. The score of a sample is {@code 2^(-E[h(x)] / c(psi))}, {@code psi} being the
 * subsample size.
 */
public final class IsolationForest implements AnomalyModel {

  private static final double EULER_GAMMA = 0.5772156649015329;

  private final int dimension;
  private final int trees;
  private final int height;
  private final short[] feature;
  private final double[] threshold;
  private final float[] pathLength;
  private final double normaliser;

  IsolationForest(int dimension, int trees, int height, short[] feature, double[] threshold, float[] pathLength,
                  int subsample) {
    this.dimension = dimension;
    this.trees = trees;
    this.height = height;
    this.feature = feature;
    this.threshold = threshold;
    this.pathLength = pathLength;
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
    int internal = (1 << height) - 1;
    double sum = 0;
    int tree = 0;
    // Four walks at a time: each is a chain of dependent loads, and four independent chains keep the core busy.
    for (; tree + 4 <= trees; tree += 4) {
      int a = 0;
      int b = 0;
      int c = 0;
      int d = 0;
      int baseA = tree * internal;
      int baseB = baseA + internal;
      int baseC = baseB + internal;
      int baseD = baseC + internal;
      for (int level = 0; level < height; level++) {
        a = 2 * a + 1 + branch(values[offset + feature[baseA + a]], threshold[baseA + a]);
        b = 2 * b + 1 + branch(values[offset + feature[baseB + b]], threshold[baseB + b]);
        c = 2 * c + 1 + branch(values[offset + feature[baseC + c]], threshold[baseC + c]);
        d = 2 * d + 1 + branch(values[offset + feature[baseD + d]], threshold[baseD + d]);
      }
      int leaves = tree * (internal + 1) - internal;
      sum += pathLength[leaves + a] + pathLength[leaves + internal + 1 + b]
          + pathLength[leaves + 2 * (internal + 1) + c] + pathLength[leaves + 3 * (internal + 1) + d];
    }
    for (; tree < trees; tree++) {
      int base = tree * internal;
      int node = 0;
      for (int level = 0; level < height; level++) {
        node = 2 * node + 1 + branch(values[offset + feature[base + node]], threshold[base + node]);
      }
      sum += pathLength[tree * (internal + 1) + node - internal];
    }
    return sum / trees;
  }

  /**
   * The side of a split a value takes, computed without a conditional jump: {@code 1} (right) when
   * {@code threshold - value} is negative, i.e. the value is above the threshold, {@code 0} (left) otherwise. An
   * equal value gives {@code +0.0} and goes left, an infinite threshold sends every finite value left. Training
   * partitions rows with this same function, so the two never disagree.
   *
   * @param value a sample's value of the split feature
   * @param threshold the split's threshold
   * @return 0 for the left child, 1 for the right one
   */
  static int branch(double value, double threshold) {
    return (int) (Double.doubleToRawLongBits(threshold - value) >>> 63);
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** @return the number of trees */
  public int trees() {
    return trees;
  }

  /** @return the height limit of the trees */
  public int height() {
    return height;
  }

  /** @return the bytes its arrays hold */
  public long retainedBytes() {
    return 48L + 2L * feature.length + 8L * threshold.length + 4L * pathLength.length;
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
