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
 * leaf. Each tree has its own random stream split from the seed, so a fitted forest is a pure function of data and
 * seed; a refitted one also of the forest it refitted.
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
    return refit(null, data, 0, seed, 1.0);
  }

  /**
   * Replaces the oldest {@code share} of the earlier forest's trees by trees grown on the data, and keeps the
   * others: a refit that costs a share of a fit, while the forest follows the stream over the last few buffers.
   * Tree {@code t} is grown from the same random stream as in a full fit, so a share of 1 is a full fit. An
   * earlier forest of another shape (dimension, tree count, subsample) is not reused.
   *
   * <p>The training rows' path sums are kept with the forest for its threshold. A row the earlier forest was also
   * fitted on has its sum updated for the renewed trees only, so a refit walks a tenth of the trees for most rows.
   */
  @Override
  public IsolationForest refit(AnomalyModel earlier, Samples data, long firstRow, long seed, double share) {
    if (data.dims() > Short.MAX_VALUE) {
      throw new IllegalArgumentException("at most " + Short.MAX_VALUE + " dimensions");
    }
    int psi = Math.min(subsample, data.count());
    int renewed = (int) Math.max(1, Math.round(share * trees));
    IsolationForest kept = earlier instanceof IsolationForest forest && renewed < trees && forest.trees() == trees
        && forest.dimension() == data.dims() && forest.subsample() == psi ? forest : null;
    int first = kept == null ? 0 : kept.nextReplaced();
    int heightLimit = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
    SplittableRandom forestRandom = new SplittableRandom(seed);
    TreeBuilder builder = new TreeBuilder(data, heightLimit, trees);
    int[] rows = new int[data.count()];
    for (int t = 0; t < trees; t++) {
      SplittableRandom random = forestRandom.split();
      if (kept == null || Math.floorMod(t - first, trees) < renewed) {
        builder.grow(t, Subsample.indices(rows, psi, random), random);
      } else {
        builder.keep(t, kept);
      }
    }
    int next = kept == null ? 0 : (first + renewed) % trees;
    IsolationForest grown = builder.toForest(psi, next);
    return grown.withTraining(paths(grown, kept, data, firstRow, first, renewed));
  }

  /** Each training row's path sum in the new forest: updated for the renewed trees where the earlier one had it. */
  private TrainingPaths paths(IsolationForest forest, IsolationForest earlier, Samples data, long firstRow,
                              int first, int renewed) {
    double[] sums = new double[data.count()];
    double[] values = data.values();
    TrainingPaths before = earlier == null ? null : earlier.training;
    for (int i = 0; i < sums.length; i++) {
      int offset = i * data.dims();
      long row = firstRow + i;
      sums[i] = before != null && before.holds(row)
          ? before.sums()[(int) (row - before.firstRow())] - earlier.pathSum(values, offset, first, renewed)
              + forest.pathSum(values, offset, first, renewed)
          : forest.pathSum(values, offset, 0, forest.trees());
    }
    return new TrainingPaths(firstRow, sums);
  }
}
