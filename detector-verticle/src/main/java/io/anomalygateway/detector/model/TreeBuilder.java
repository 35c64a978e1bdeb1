package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Grows isolation trees into the complete, breadth-first arrays of an {@link IsolationForest}. */
final class TreeBuilder {

  private final double[] values;
  private final int dims;
  private final int height;
  private final int internal;
  private final int[] features;
  private final short[] feature;
  private final double[] threshold;
  private final float[] pathLength;
  private int nodeBase;
  private int leafBase;

  TreeBuilder(Samples data, int height, int trees) {
    this.values = data.values();
    this.dims = data.dims();
    this.height = height;
    this.internal = (1 << height) - 1;
    this.features = new int[dims];
    this.feature = new short[trees * internal];
    this.threshold = new double[trees * internal];
    this.pathLength = new float[trees * (internal + 1)];
    Arrays.fill(threshold, Double.POSITIVE_INFINITY);
  }

  void grow(int tree, int[] rows, SplittableRandom random) {
    nodeBase = tree * internal;
    leafBase = tree * (internal + 1);
    grow(rows, 0, rows.length, 0, 0, random);
  }

  private void grow(int[] rows, int from, int to, int node, int depth, SplittableRandom random) {
    int count = to - from;
    if (count <= 1 || depth >= height || !chooseSplit(rows, from, to, nodeBase + node, random)) {
      leaf(node, depth, (float) (depth + IsolationForest.averagePathLength(count)));
      return;
    }
    int middle = partition(rows, from, to, feature[nodeBase + node], threshold[nodeBase + node]);
    grow(rows, from, middle, 2 * node + 1, depth + 1, random);
    grow(rows, middle, to, 2 * node + 2, depth + 1, random);
  }

  /** Writes a leaf's path length into every bottom slot below it; its pass-through nodes keep +Infinity. */
  private void leaf(int node, int depth, float length) {
    int below = height - depth;
    int first = ((node + 1) << below) - 1 - internal;
    Arrays.fill(pathLength, leafBase + first, leafBase + first + (1 << below), length);
  }

  /**
   * Draws features in random order until one is not constant among the rows, then a threshold in its
   * {@code [min, max)}. Returns false when every feature is constant: the rows cannot be told apart.
   */
  private boolean chooseSplit(int[] rows, int from, int to, int at, SplittableRandom random) {
    for (int i = 0; i < dims; i++) {
      features[i] = i;
    }
    for (int remaining = dims; remaining > 0; remaining--) {
      int pick = random.nextInt(remaining);
      int f = features[pick];
      features[pick] = features[remaining - 1];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = values[rows[i] * dims + f];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (max > min) {
        double cut = min + random.nextDouble() * (max - min);
        feature[at] = (short) f;
        threshold[at] = cut >= max ? min : cut;
        return true;
      }
    }
    return false;
  }

  /** Moves rows that go left of the threshold before the others; returns where the others start. */
  private int partition(int[] rows, int from, int to, int f, double cut) {
    int i = from;
    int j = to - 1;
    while (i <= j) {
      if (IsolationForest.branch(values[rows[i] * dims + f], cut) == 0) {
        i++;
      } else {
        int swap = rows[i];
        rows[i] = rows[j];
        rows[j--] = swap;
      }
    }
    return i;
  }

  IsolationForest toForest(int trees, int subsample) {
    return new IsolationForest(dims, trees, height, feature, threshold, pathLength, subsample);
  }
}
