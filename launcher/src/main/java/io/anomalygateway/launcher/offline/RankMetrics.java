package io.anomalygateway.launcher.offline;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranking quality of anomaly scores against labels (1 = anomaly), computed as scikit-learn does: ROC-AUC with
 * average ranks for tied scores, and average precision with tied scores taken as one threshold.
 */
public final class RankMetrics {

  private RankMetrics() {
  }

  /**
   * The area under the ROC curve, by the Mann-Whitney statistic with average ranks for ties.
   *
   * @param scores one score per row, higher = more anomalous
   * @param labels one label per row
   * @return ROC-AUC in [0, 1]
   */
  public static double rocAuc(double[] scores, int[] labels) {
    Integer[] order = ascending(scores);
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == 1) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("ROC-AUC needs both anomalies and normal rows");
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Average precision: the sum over distinct score thresholds, from the highest, of precision times the gain in
   * recall.
   *
   * @param scores one score per row, higher = more anomalous
   * @param labels one label per row
   * @return AP in [0, 1]
   */
  public static double averagePrecision(double[] scores, int[] labels) {
    Integer[] order = ascending(scores);
    long positives = Arrays.stream(labels).filter(l -> l == 1).count();
    if (positives == 0) {
      throw new IllegalArgumentException("average precision needs anomalies");
    }
    double precisionSum = 0;
    long truePositives = 0;
    long flagged = 0;
    double previousRecall = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      for (int k = j; k <= i; k++) {
        flagged++;
        if (labels[order[k]] == 1) {
          truePositives++;
        }
      }
      double recall = (double) truePositives / positives;
      precisionSum += (recall - previousRecall) * truePositives / flagged;
      previousRecall = recall;
      i = j - 1;
    }
    return precisionSum;
  }

  private static Integer[] ascending(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    return order;
  }
}
