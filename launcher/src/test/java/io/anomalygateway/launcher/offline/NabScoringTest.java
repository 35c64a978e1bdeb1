package io.anomalygateway.launcher.offline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * NAB's scoring on series small enough to work out by hand. 100 rows: the first 15 are probation; one window holds
 * rows 40-49 (length 10). The scaled sigmoid {@code 2 / (1 + e^(5x)) - 1} is {@code -tanh(2.5 x)}.
 */
class NabScoringTest {

  private static final NabProfile STANDARD = NabProfile.STANDARD;
  private static final NabProfile LOW_FP = new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
  private static final NabProfile LOW_FN = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);
  private static final double AT_START = Math.tanh(2.5);

  private final NabScoring series = NabScoring.of(timestamps(100), List.<String[]>of(
      new String[] {timestamp(40), timestamp(49)}));

  @Test
  void theProbationaryPeriodIsFifteenPercentOfTheRowsAndAtMostSevenHundredFifty() {
    assertThat(series.firstScoredRow()).isEqualTo(15);
    assertThat(NabScoring.probation(4032)).isEqualTo(604);
    assertThat(NabScoring.probation(22695)).isEqualTo(750);
  }

  @Test
  void aDetectionAtAWindowsFirstRowEarnsTheFullTruePositiveWeight() {
    assertThat(series.score(detections(40), 0.5, STANDARD).raw()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aDetectionAtAWindowsLastRowEarnsTheSigmoidOfItsPosition() {
    double expected = Math.tanh(2.5 * 0.1) / AT_START;
    assertThat(series.score(detections(49), 0.5, STANDARD).raw()).isCloseTo(expected, within(1e-12));
    assertThat(expected).isCloseTo(0.24824, within(1e-5));
  }

  @Test
  void onlyTheEarliestDetectionInAWindowCounts() {
    double expected = Math.tanh(2.5 * 0.5) / AT_START;
    NabOutcome outcome = series.score(detections(45, 46, 49), 0.5, STANDARD);
    assertThat(outcome.raw()).isCloseTo(expected, within(1e-12));
    assertThat(outcome.truePositiveRows()).isEqualTo(3);
    assertThat(outcome.detected()).isEqualTo(1);
  }

  @Test
  void aMissedWindowCostsTheFalseNegativeWeight() {
    assertThat(series.score(detections(), 0.5, STANDARD).raw()).isEqualTo(-1.0);
    assertThat(series.score(detections(), 0.5, LOW_FN).raw()).isEqualTo(-2.0);
  }

  @Test
  void aFalseAlarmBeforeEveryWindowCostsTheFalsePositiveWeightInFull() {
    assertThat(series.score(detections(20, 40), 0.5, STANDARD).raw()).isCloseTo(1.0 - 0.11, within(1e-12));
    assertThat(series.score(detections(20, 40), 0.5, LOW_FP).raw()).isCloseTo(1.0 - 0.22, within(1e-12));
  }

  @Test
  void aFalseAlarmJustAfterAWindowCostsLessThanOneFarAfterIt() {
    // Row 50 is 1 row past the window's end, in lengths less one: 1 / 9; row 90 is 41 / 9 > 3 past it.
    double justAfter = -Math.tanh(2.5 / 9) * 0.11;
    assertThat(series.score(detections(40, 50), 0.5, STANDARD).raw()).isCloseTo(1.0 + justAfter, within(1e-12));
    assertThat(series.score(detections(40, 90), 0.5, STANDARD).raw()).isCloseTo(1.0 - 0.11, within(1e-12));
    assertThat(justAfter).isCloseTo(-0.0298, within(1e-4));
  }

  @Test
  void detectionsInTheProbationaryPeriodCountForNothing() {
    NabOutcome outcome = series.score(detections(3, 14), 0.5, STANDARD);
    assertThat(outcome.raw()).isEqualTo(-1.0);
    assertThat(outcome.falsePositiveRows()).isZero();
  }

  @Test
  void aRowIsADetectionWhenItsScoreReachesTheThreshold() {
    double[] scores = new double[100];
    scores[40] = 0.7;
    assertThat(series.score(scores, 0.7, STANDARD).detected()).isEqualTo(1);
    assertThat(series.score(scores, Math.nextUp(0.7), STANDARD).detected()).isZero();
  }

  @Test
  void normalisationGivesTheNullDetectorZeroAndThePerfectOneHundred() {
    NabOutcome none = series.score(detections(), 0.5, STANDARD);
    NabOutcome perfect = series.score(detections(40), 0.5, STANDARD);
    assertThat(none.normalised(STANDARD)).isEqualTo(0.0);
    assertThat(perfect.normalised(STANDARD)).isCloseTo(100.0, within(1e-9));
    assertThat(perfect.normalised(LOW_FN)).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void theSweepFindsTheOneThresholdBestForAllSeriesTogether() {
    // Series A: its window's first row scores 0.9, a false alarm 0.8. Series B: its window's first row scores 0.6.
    // At 0.9: A's window only (1 - 1 = 0). At 0.8: minus a full false alarm (-0.11). At 0.6: both windows (1.89).
    double[] a = new double[100];
    a[40] = 0.9;
    a[20] = 0.8;
    double[] b = new double[100];
    b[40] = 0.6;
    NabScoring other = NabScoring.of(timestamps(100), List.<String[]>of(new String[] {timestamp(40), timestamp(49)}));
    NabThresholdSweep.Best best = NabThresholdSweep.optimise(
        List.of(new NabThresholdSweep.Run(series, a), new NabThresholdSweep.Run(other, b)), STANDARD);
    assertThat(best.threshold()).isEqualTo(0.6);
    assertThat(best.raw()).isCloseTo(2.0 - 0.11, within(1e-12));
  }

  @Test
  void theSweepKeepsNoDetectionWhenEveryThresholdScoresWorse() {
    double[] scores = new double[100];
    scores[20] = 0.9;
    NabThresholdSweep.Best best = NabThresholdSweep.optimise(List.of(new NabThresholdSweep.Run(series, scores)),
        STANDARD);
    assertThat(best.threshold()).isGreaterThan(0.9);
    assertThat(best.raw()).isEqualTo(-1.0);
  }

  @Test
  void aNaNScoreIsNeverADetectionForTheSweepNorForTheScorer() {
    double[] scores = new double[100];
    Arrays.fill(scores, Double.NaN);
    scores[40] = 0.7;
    NabThresholdSweep.Best best = NabThresholdSweep.optimise(List.of(new NabThresholdSweep.Run(series, scores)),
        STANDARD);
    assertThat(best.threshold()).isEqualTo(0.7);
    assertThat(best.raw()).isCloseTo(1.0, within(1e-12));
    assertThat(series.score(scores, best.threshold(), STANDARD).raw()).isCloseTo(best.raw(), within(1e-12));
  }

  private static double[] detections(int... rows) {
    double[] scores = new double[100];
    for (int row : rows) {
      scores[row] = 1.0;
    }
    return scores;
  }

  private static List<String> timestamps(int rows) {
    List<String> timestamps = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      timestamps.add(timestamp(row));
    }
    return timestamps;
  }

  private static String timestamp(int row) {
    return String.format("2015-01-01 %02d:%02d:00", row / 60, row % 60);
  }
}
