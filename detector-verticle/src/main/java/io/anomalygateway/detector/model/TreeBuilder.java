package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Grows isolation trees into the flat, pre-order arrays of an {@link IsolationForest}. */
final class TreeBuilder {

  private final double[] values;
  private final int dims;
  private final int heightLimit;
  private final int[] features;
  private short[] feature = new short[1024];
  private short[] right = new short[1024];
  private double[] value = new double[1024];
  private int size;
  private int treeStart;

  TreeBuilder(Samples data, int heightLimit) {
    this.values = data.values();
    this.dims = data.dims();
    this.heightLimit = heightLimit;
    this.features = new int[dims];
  }

  int size() {
    return size;
  }

  void grow(int[] rows, SplittableRandom random) {
    treeStart = size;
    grow(rows, 0, rows.length, 0, random);
  }

  private void grow(int[] rows, int from, int to, int depth, SplittableRandom random) {
    int node = add();
    int count = to - from;
    if (count <= 1 || depth >= heightLimit || !chooseSplit(rows, from, to, node, random)) {
      feature[node] = -1;
      value[node] = depth + IsolationForest.averagePathLength(count);
      return;
    }
    int middle = partition(rows, from, to, feature[node], value[node]);
    grow(rows, from, middle, depth + 1, random);
    right[node] = (short) (size - treeStart);
    grow(rows, middle, to, depth + 1, random);
  }

  /**
   * Draws features in random order until one is not constant among the rows, then a threshold in its
   * {@code [min, max)}. Returns false when every feature is constant: the rows cannot be told apart.
   */
  private boolean chooseSplit(int[] rows, int from, int to, int node, SplittableRandom random) {
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
        double threshold = min + random.nextDouble() * (max - min);
        feature[node] = (short) f;
        value[node] = threshold >= max ? min : threshold;
        return true;
      }
    }
    return false;
  }

  /** Moves rows with a value {@code <=} the threshold before the others; returns where the others start. */
  private int partition(int[] rows, int from, int to, int f, double threshold) {
    int i = from;
    int j = to - 1;
    while (i <= j) {
      if (values[rows[i] * dims + f] <= threshold) {
        i++;
      } else {
        int swap = rows[i];
        rows[i] = rows[j];
        rows[j--] = swap;
      }
    }
    return i;
  }

  private int add() {
    if (size == feature.length) {
      feature = Arrays.copyOf(feature, size * 2);
      right = Arrays.copyOf(right, size * 2);
      value = Arrays.copyOf(value, size * 2);
    }
    return size++;
  }

  IsolationForest toForest(int dimension, int[] treeStart, int subsample) {
    return new IsolationForest(dimension, treeStart, Arrays.copyOf(feature, size), Arrays.copyOf(right, size),
        Arrays.copyOf(value, size), subsample);
  }
}
