package io.anomalygateway.bench.jmh;

import io.anomalygateway.protocol.Samples;

import java.util.SplittableRandom;

/** Standard normal rows for benchmarks, from a fixed seed. */
final class BenchData {

  private BenchData() {
  }

  static Samples normal(int rows, int dims, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[rows * dims];
    for (int i = 0; i < values.length; i++) {
      double u1 = 1.0 - random.nextDouble();
      values[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
    return new Samples(dims, values);
  }
}
