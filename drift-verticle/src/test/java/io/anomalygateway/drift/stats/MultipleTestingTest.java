package io.anomalygateway.drift.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MultipleTestingTest {

  private final double[] pValues = {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205};

  @Test
  void bonferroniComparesEachPValueWithAlphaOverTheNumberOfTests() {
    assertThat(MultipleTesting.BONFERRONI.reject(pValues, 0.05))
        .containsExactly(true, false, false, false, false, false, false, false);
  }

  @Test
  void benjaminiHochbergRejectsUpToTheLargestRankUnderItsLine() {
    // Ranks 1..8, lines k * 0.05 / 8 = 0.00625, 0.0125, 0.01875, 0.025, ...: ranks 1 and 2 lie under theirs.
    assertThat(MultipleTesting.BENJAMINI_HOCHBERG.reject(pValues, 0.05))
        .containsExactly(true, true, false, false, false, false, false, false);
  }

  @Test
  void benjaminiHochbergRejectsSmallerPValuesAboveTheirOwnLineWhenALargerRankQualifies() {
    double[] p = {0.02, 0.03, 0.031};
    // Lines 0.0167, 0.0333, 0.05: rank 3 qualifies, so ranks 1 and 2 are rejected too.
    assertThat(MultipleTesting.BENJAMINI_HOCHBERG.reject(p, 0.05)).containsExactly(true, true, true);
    assertThat(MultipleTesting.BONFERRONI.reject(p, 0.05)).containsExactly(false, false, false);
  }
}
