package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

import java.util.SplittableRandom;

/**
 * Fits an {@link IsolationForest} the way Liu, Ting and Zhou (2008) describe it and scikit-learn implements it.
 *
 * <p>Each tree grows on its own random subsample of {@code min(subsample, n)} rows drawn without replacement, to a
 * height limit of {@code ceil(log2(psi))}. A node splits on a feature drawn at random among those not constant in
 * it, at a threshold drawn uniformly in {@code [min, max)} of that feature; rows with a value {@code <=} the
 * threshold go left. A node with one row, with all features constant (duplicated rows), or at the height limit is a
 * leaf. Each tree has its own random stream split from the seed, so a forest is a pure function of data and seed.
 */
public final class IsolationForestTrainer implements ModelTrainer {

  /** Trees per forest, as in the paper and scikit-learn. */
  public static final int DEFAULT_TREES = 100;
  /** Rows per tree, as in the paper and scikit-learn. */
  public static final int DEFAULT_SUBSAMPLE = 256;
  /** Largest subsample: keeps tree nodes addressable with 16-bit offsets. */
  public static final int MAX_SUBSAMPLE = 8192;

  private final int trees;
  private final int subsample;

  /** A trainer with 100 trees of 256 rows. */
  public IsolationForestTrainer() {
    this(DEFAULT_TREES, DEFAULT_SUBSAMPLE);
  }

  /**
   * @param trees the number of trees
   * @param subsample the rows per tree
   */
  public IsolationForestTrainer(int trees, int subsample) {
    if (trees < 1 || subsample < 2 || subsample > MAX_SUBSAMPLE) {
      throw new IllegalArgumentException("need at least 1 tree and a subsample in [2, " + MAX_SUBSAMPLE + "]");
    }
    this.trees = trees;
    this.subsample = subsample;
  }

  @Override
  public IsolationForest fit(Samples data, long seed) {
    if (data.dims() > Short.MAX_VALUE) {
      throw new IllegalArgumentException("at most " + Short.MAX_VALUE + " dimensions");
    }
    int psi = Math.min(subsample, data.count());
    int heightLimit = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
    SplittableRandom forestRandom = new SplittableRandom(seed);
    TreeBuilder builder = new TreeBuilder(data, heightLimit, trees);
    int[] rows = new int[data.count()];
    for (int t = 0; t < trees; t++) {
      SplittableRandom random = forestRandom.split();
      builder.grow(t, Subsample.indices(rows, psi, random), random);
    }
    return builder.toForest(psi);
  }
}
