package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

/**
 * A fitted Isolation Forest (Liu, Ting and Zhou 2008), stored for fast, allocation-light scoring.
 *
 * <p>The trees' nodes are stored in pre-order, two ints each, all trees in one array. An internal node holds its
 * split feature, the distance to its right child (the left one is next) and its {@code float} threshold; a leaf
 * holds its path length: its depth plus {@code c(size)}, the expected further path length of the rows it still
 * holds. A leaf's step leads back to itself, so every walk takes exactly {@code h} steps (the height limit) with no
 * data-dependent exit or jump, and the trees advance one level at a time, so that the processor overlaps the cache
 * misses of different trees. Thresholds are floats on the features' training ranges mapped to {@code [-1, 1]}
 * ({@link RangeScaling}), as scikit-learn's trees also split on float32 values. The score of a sample is
 * {@code 2^(-E[h(x)] / c(psi))}, {@code psi} being the subsample size.
 *
 * <p>Why this layout: with many sessions scoring in turn, each forest is cold in the processor's caches, and a walk
 * costs its cache misses rather than its instructions ({@code SessionScoringBenchmark}). Storing only the nodes a
 * tree has (a third of a complete tree's, typically) makes forests two to three times smaller, so that more of the
 * sessions' forests stay in the caches.
 */
public final class IsolationForest implements AnomalyModel {

  /** The first int of a leaf: feature 0, no step. */
  static final int LEAF = 0;

  private static final int INTERNAL = 1 << 15;
  /** The bits of an internal node's first int that hold its split feature. */
  static final int FEATURE = INTERNAL - 1;
  private static final double EULER_GAMMA = 0.5772156649015329;

  private final int dimension;
  private final int height;
  final RangeScaling scaling;
  final int[] roots;
  final int[] nodes;
  private final int subsample;
  private final double normaliser;
  private final int nextReplaced;
  final TrainingPaths training;

  /**
   * @param nextReplaced the first tree an incremental refit replaces: trees are replaced in turn, oldest first
   * @param training the training rows' path sums, or {@code null}
   */
  IsolationForest(int dimension, int height, RangeScaling scaling, int[] roots, int[] nodes, int subsample,
                  int nextReplaced, TrainingPaths training) {
    this.dimension = dimension;
    this.height = height;
    this.scaling = scaling;
    this.roots = roots;
    this.nodes = nodes;
    this.subsample = subsample;
    this.normaliser = averagePathLength(subsample);
    this.nextReplaced = nextReplaced;
    this.training = training;
  }

  /**
   * @param feature the split feature, below 2^15
   * @param rightDistance how many nodes after it its right child comes, below 2^16
   * @return the first int of an internal node
   */
  static int internal(int feature, int rightDistance) {
    return feature | INTERNAL | rightDistance << 16;
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
    return pathSum(values, offset, 0, roots.length) / roots.length;
  }

  /**
   * @param values a flat array of rows
   * @param offset where the row starts
   * @param first the first tree
   * @param count how many trees, from {@code first} on and past the last tree round to the first
   * @return the sum of the row's path lengths in those trees, leaf adjustment included
   */
  double pathSum(double[] values, int offset, int first, int count) {
    float[] row = new float[dimension];
    scaling.map(values, offset, row);
    int[] node = new int[count];
    for (int i = 0; i < count; i++) {
      node[i] = roots[(first + i) % roots.length];
    }
    for (int level = 0; level < height; level++) {
      for (int tree = 0; tree < node.length; tree++) {
        int at = node[tree];
        int word = nodes[2 * at];
        int left = (word & INTERNAL) >>> 15;
        int right = branch(row[word & FEATURE], Float.intBitsToFloat(nodes[2 * at + 1]));
        // Left child: the next node; right child: rightDistance on; a leaf: itself (left = 0, distance 0).
        node[tree] = at + left + right * ((word >>> 16) - left);
      }
    }
    double sum = 0;
    for (int at : node) {
      sum += Float.intBitsToFloat(nodes[2 * at + 1]);
    }
    return sum;
  }

  /**
   * The scores of the training rows from the path sums the trainer kept, instead of walking every tree again.
   */
  @Override
  public double[] trainingScores(Samples data) {
    if (training == null || training.sums().length != data.count()) {
      return AnomalyModel.super.trainingScores(data);
    }
    double[] scores = new double[data.count()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Math.pow(2.0, -(training.sums()[i] / roots.length) / normaliser);
    }
    return scores;
  }

  /**
   * The side of a split a value takes, computed without a conditional jump: {@code 1} (right) when
   * {@code threshold - value} is negative, i.e. the value is above the threshold, {@code 0} (left) otherwise. An
   * equal value gives {@code +0.0} and goes left. Training partitions rows with this same function, so the two never
   * disagree.
   *
   * @param value a sample's (mapped) value of the split feature
   * @param threshold the split's threshold
   * @return 0 for the left child, 1 for the right one
   */
  static int branch(float value, float threshold) {
    return Float.floatToRawIntBits(threshold - value) >>> 31;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** @return the number of trees */
  public int trees() {
    return roots.length;
  }

  /** @return the height limit of the trees */
  public int height() {
    return height;
  }

  /** @return this forest, keeping the path sums of its training rows */
  IsolationForest withTraining(TrainingPaths paths) {
    return new IsolationForest(dimension, height, scaling, roots, nodes, subsample, nextReplaced, paths);
  }

  /** @return the rows each tree was grown on */
  int subsample() {
    return subsample;
  }

  /** @return the oldest tree: the first that the next incremental refit replaces */
  int nextReplaced() {
    return nextReplaced;
  }

  /** @return where tree {@code tree}'s nodes end: trees are stored one after the other */
  int treeEnd(int tree) {
    return tree + 1 < roots.length ? roots[tree + 1] : nodes.length / 2;
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
