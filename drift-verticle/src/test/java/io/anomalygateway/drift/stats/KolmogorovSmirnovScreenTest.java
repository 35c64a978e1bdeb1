package io.anomalygateway.drift.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class KolmogorovSmirnovScreenTest {

  private static double[] normal(Random random, int n, double shift) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextGaussian() + shift;
    }
    return values;
  }

  @Test
  void screeningDecidesLikeTheExactTestAtEveryShift() {
    Random random = new Random(5);
    double alpha = 0.001 / 8;
    for (int trial = 0; trial < 300; trial++) {
      double shift = (trial % 30) * 0.02;
      double[] reference = normal(random, 500, 0);
      double[] recent = normal(random, 300, shift);
      double[] exact = KolmogorovSmirnov.test(reference, recent);
      double[] screened = KolmogorovSmirnov.screen(reference, recent, alpha);
      assertThat(screened[0]).isEqualTo(exact[0]);
      assertThat(screened[1] < alpha).as("shift %s", shift).isEqualTo(exact[1] < alpha);
    }
  }

  @Test
  void nearTheLevelTheScreenedPValueIsTheExactOne() {
    Random random = new Random(6);
    double[] reference = normal(random, 500, 0);
    double[] recent = normal(random, 300, 0.4);
    double[] exact = KolmogorovSmirnov.test(reference, recent);
    assertThat(exact[1]).isLessThan(0.01);
    assertThat(KolmogorovSmirnov.screen(reference, recent, 0.01)[1]).isEqualTo(exact[1]);
  }
}
