package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-class SVM on random Fourier features is a density-like model, not a half-space through the origin. */
class OneClassSvmTest {

  private final OneClassSvmTrainer trainer = new OneClassSvmTrainer(300, 0.5, 5000);

  @Test
  void scoresPointsFarFromCentredDataAboveTheData() {
    Random random = new Random(1);
    Samples data = IsolationForestTest.rows(random, 1000, 4, random::nextGaussian);
    OneClassSvm svm = trainer.fit(data, 11);
    double centre = svm.score(new double[] {0, 0, 0, 0}, 0);
    double far = svm.score(new double[] {6, 6, 6, 6}, 0);
    double farOtherSide = svm.score(new double[] {-6, -6, -6, -6}, 0);
    assertThat(far).isGreaterThan(centre);
    assertThat(farOtherSide).isGreaterThan(centre);
    assertThat(far).isGreaterThan(0.9);
  }

  @Test
  void scoreDecreasesWithTheDecisionValueAndStaysInTheUnitInterval() {
    Random random = new Random(2);
    Samples data = IsolationForestTest.rows(random, 500, 3, random::nextGaussian);
    OneClassSvm svm = trainer.fit(data, 3);
    double previousDecision = Double.NEGATIVE_INFINITY;
    double previousScore = 2;
    double[][] probes = {{8, 8, 8}, {3, 3, 3}, {1, 1, 1}, {0, 0, 0}};
    for (double[] probe : probes) {
      double decision = svm.decision(probe, 0);
      double score = svm.score(probe, 0);
      assertThat(score).isBetween(0.0, 1.0);
      if (decision > previousDecision) {
        assertThat(score).isLessThan(previousScore);
      }
      previousDecision = decision;
      previousScore = score;
    }
  }

  @Test
  void handlesAConstantFeature() {
    Random random = new Random(3);
    double[] values = new double[400 * 2];
    for (int i = 0; i < 400; i++) {
      values[2 * i] = random.nextGaussian();
      values[2 * i + 1] = 7.0;
    }
    OneClassSvm svm = trainer.fit(new Samples(2, values), 5);
    assertThat(svm.score(new double[] {0, 7}, 0)).isBetween(0.0, 1.0);
    assertThat(svm.score(new double[] {0, 50}, 0)).isGreaterThan(svm.score(new double[] {0, 7}, 0));
  }
}
