package io.anomalygateway.detector.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DecisionThresholdTest {

  @Test
  void interpolatesLinearlyBetweenOrderStatisticsLikeNumpy() {
    // numpy.percentile([1..10], 95) = 9.55
    double[] scores = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertThat(DecisionThreshold.of(scores, 0.05)).isCloseTo(9.55, within(1e-12));
  }

  @Test
  void leavesAboutTheContaminationShareAboveIt() {
    double[] scores = new double[1000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i / 1000.0;
    }
    double threshold = DecisionThreshold.of(scores.clone(), 0.05);
    long above = java.util.Arrays.stream(scores).filter(s -> s > threshold).count();
    assertThat(above).isBetween(49L, 51L);
  }

  @Test
  void tiedScoresAreNotAboveTheirOwnThreshold() {
    double[] scores = new double[100];
    java.util.Arrays.fill(scores, 0.4);
    assertThat(DecisionThreshold.of(scores, 0.1)).isEqualTo(0.4);
  }
}
