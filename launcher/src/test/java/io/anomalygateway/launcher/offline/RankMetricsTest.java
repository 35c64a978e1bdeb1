package io.anomalygateway.launcher.offline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The metrics against values computed with scikit-learn's roc_auc_score and average_precision_score. */
class RankMetricsTest {

  @Test
  void rocAucUsesAverageRanksForTies() {
    // roc_auc_score([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.4, 0.4]) = 0.6666...
    double auc = RankMetrics.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8, 0.4, 0.4}, new int[] {0, 0, 1, 1, 0, 1});
    assertThat(auc).isCloseTo(2.0 / 3.0, within(1e-12));
  }

  @Test
  void averagePrecisionTakesTiedScoresAsOneThreshold() {
    // average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333...
    assertThat(RankMetrics.averagePrecision(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}))
        .isCloseTo(0.8333333333333333, within(1e-12));
    // average_precision_score([1, 0, 1], [0.5, 0.5, 0.2]) = 0.5 * 0.5 + 0.5 * (2/3) = 0.5833...
    assertThat(RankMetrics.averagePrecision(new double[] {0.5, 0.5, 0.2}, new int[] {1, 0, 1}))
        .isCloseTo(0.5 + 1.0 / 12.0, within(1e-12));
  }

  @Test
  void perfectAndReversedRankings() {
    assertThat(RankMetrics.rocAuc(new double[] {1, 2, 3, 4}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
    assertThat(RankMetrics.rocAuc(new double[] {4, 3, 2, 1}, new int[] {0, 0, 1, 1})).isEqualTo(0.0);
    assertThat(RankMetrics.averagePrecision(new double[] {1, 2, 3, 4}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
  }
}
