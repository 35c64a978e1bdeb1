package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows isolation trees, in pre-order and node by node, into the arrays of an {@link IsolationForest}. Only the nodes
 * a tree really has are stored: random splits isolate most rows early, so a tree of height 8 has about 60 to 100
 * internal nodes rather than the 255 of a complete tree.
 */
final class TreeBuilder {

  private final RangeScaling scaling;
  private final float[] values;
  private final int dims;
  private final int height;
  private final int[] features;
  private final int[] roots;
  private int[] nodes;
  private int size;
  private int splitFeature;
  private float splitThreshold;

  TreeBuilder(Samples data, int height, int trees) {
    this.scaling = RangeScaling.of(data);
    this.values = scaling.mapAll(data);
    this.dims = data.dims();
    this.height = height;
    this.features = new int[dims];
    this.roots = new int[trees];
    this.nodes = new int[2 * trees * 64];
  }

  void grow(int tree, int[] rows, SplittableRandom random) {
    roots[tree] = size;
    grow(rows, 0, rows.length, 0, random);
  }

  private void grow(int[] rows, int from, int to, int depth, SplittableRandom random) {
    int at = size++;
    if (2 * size > nodes.length) {
      nodes = Arrays.copyOf(nodes, 2 * nodes.length);
    }
    int count = to - from;
    if (count <= 1 || depth >= height || !chooseSplit(rows, from, to, random)) {
      nodes[2 * at] = IsolationForest.LEAF;
      nodes[2 * at + 1] = Float.floatToRawIntBits((float) (depth + IsolationForest.averagePathLength(count)));
      return;
    }
    int feature = splitFeature;
    float cut = splitThreshold;
    int middle = partition(rows, from, to, feature, cut);
    grow(rows, from, middle, depth + 1, random);
    int right = size;
    grow(rows, middle, to, depth + 1, random);
    nodes[2 * at] = IsolationForest.internal(feature, right - at);
    nodes[2 * at + 1] = Float.floatToRawIntBits(cut);
  }

  /**
   * Draws features in random order until one is not constant among the rows, then a threshold in its
   * {@code [min, max)}. Returns false when every feature is constant: the rows cannot be told apart.
   */
  private boolean chooseSplit(int[] rows, int from, int to, SplittableRandom random) {
    for (int i = 0; i < dims; i++) {
      features[i] = i;
    }
    for (int remaining = dims; remaining > 0; remaining--) {
      int pick = random.nextInt(remaining);
      int f = features[pick];
      features[pick] = features[remaining - 1];
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        float v = values[rows[i] * dims + f];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (max > min) {
        float cut = (float) (min + random.nextDouble() * ((double) max - min));
        splitFeature = f;
        splitThreshold = cut >= max ? min : cut;
        return true;
      }
    }
    return false;
  }

  /** Moves rows that go left of the threshold before the others; returns where the others start. */
  private int partition(int[] rows, int from, int to, int f, float cut) {
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

  /**
   * Takes a tree of an earlier forest of the same shape as tree {@code tree} of this one, its thresholds mapped to
   * this forest's ranges. Splits and leaves are kept as they were; only their representation changes.
   */
  void keep(int tree, IsolationForest earlier) {
    roots[tree] = size;
    int from = earlier.roots[tree];
    int to = earlier.treeEnd(tree);
    while (2 * (size + to - from) > nodes.length) {
      nodes = Arrays.copyOf(nodes, 2 * nodes.length);
    }
    for (int at = from; at < to; at++, size++) {
      int word = earlier.nodes[2 * at];
      int value = earlier.nodes[2 * at + 1];
      nodes[2 * size] = word;
      nodes[2 * size + 1] = word == IsolationForest.LEAF ? value : Float.floatToRawIntBits(
          scaling.remap(Float.intBitsToFloat(value), word & IsolationForest.FEATURE, earlier.scaling));
    }
  }

  IsolationForest toForest(int subsample, int nextReplaced) {
    return new IsolationForest(dims, height, scaling, roots, Arrays.copyOf(nodes, 2 * size), subsample,
        nextReplaced, null);
  }
}
