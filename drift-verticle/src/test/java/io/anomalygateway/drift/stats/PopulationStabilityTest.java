package io.anomalygateway.drift.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PopulationStabilityTest {

  @Test
  void isNearZeroForTheSameDistribution() {
    Random random = new Random(1);
    assertThat(PopulationStability.index(normal(random, 2000, 0), normal(random, 2000, 0), 10))
        .isLessThan(PopulationStability.MODERATE);
  }

  @Test
  void exceedsTheSignificantThresholdForAShiftOfOneStandardDeviation() {
    Random random = new Random(2);
    assertThat(PopulationStability.index(normal(random, 2000, 0), normal(random, 2000, 1), 10))
        .isGreaterThan(PopulationStability.SIGNIFICANT);
  }

  @Test
  void staysFiniteWithTiesAndEmptyBins() {
    double[] reference = new double[100];
    double[] recent = new double[100];
    java.util.Arrays.fill(recent, 5.0);
    double psi = PopulationStability.index(reference, recent, 10);
    assertThat(psi).isFinite().isGreaterThan(PopulationStability.SIGNIFICANT);
  }

  private static double[] normal(Random random, int n, double mean) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = mean + random.nextGaussian();
    }
    return values;
  }
}
