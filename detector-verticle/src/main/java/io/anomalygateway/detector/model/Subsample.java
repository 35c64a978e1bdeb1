package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Uniform random subsets of rows, drawn without replacement and kept in their original order. */
final class Subsample {

  private Subsample() {
  }

  /**
   * @param data the rows
   * @param limit the most rows to keep
   * @param random the source of the choice
   * @return {@code data} itself when it has at most {@code limit} rows, otherwise {@code limit} of its rows
   */
  static Samples rows(Samples data, int limit, SplittableRandom random) {
    int n = data.count();
    if (n <= limit) {
      return data;
    }
    int[] chosen = indices(new int[n], limit, random);
    Arrays.sort(chosen);
    int d = data.dims();
    double[] values = new double[limit * d];
    for (int i = 0; i < limit; i++) {
      System.arraycopy(data.values(), chosen[i] * d, values, i * d, d);
    }
    return new Samples(d, values);
  }

  /**
   * A partial Fisher-Yates shuffle: the first {@code k} entries become a uniform sample without replacement.
   *
   * @param scratch an array as long as the population, reused between calls
   * @param k the sample size, at most {@code scratch.length}
   * @param random the source of the choice
   * @return {@code k} distinct indices below {@code scratch.length}
   */
  static int[] indices(int[] scratch, int k, SplittableRandom random) {
    for (int i = 0; i < scratch.length; i++) {
      scratch[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(scratch.length - i);
      int swap = scratch[i];
      scratch[i] = scratch[j];
      scratch[j] = swap;
    }
    return Arrays.copyOf(scratch, k);
  }
}
