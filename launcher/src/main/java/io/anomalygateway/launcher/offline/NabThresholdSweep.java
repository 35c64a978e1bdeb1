package io.anomalygateway.launcher.offline;

import java.util.Arrays;
import java.util.List;

/**
 * NAB's corpus-wide threshold optimisation: the one threshold per profile, the same for every series, that gives
 * the highest raw score summed over the corpus. Every distinct score is tried, exhaustively: the rows are sorted
 * by score once, and lowering the threshold past each distinct score adds its rows' detections to the running sum,
 * a window's sum changing only when an earlier detection in it appears.
 */
public final class NabThresholdSweep {

  private NabThresholdSweep() {
  }

  /**
   * A detector's output on one series.
   *
   * @param scoring the series' scoring
   * @param scores each row's anomaly score
   */
  public record Run(NabScoring scoring, double[] scores) {
  }

  /**
   * The corpus-optimal threshold.
   *
   * @param threshold the threshold; above every score when no detection at all scores best
   * @param raw the raw corpus score it gives
   */
  public record Best(double threshold, double raw) {
  }

  /**
   * @param runs the detector's output on every series of the corpus
   * @param profile the costs
   * @return the threshold with the highest raw corpus score (the highest such threshold on a tie)
   */
  public static Best optimise(List<Run> runs, NabProfile profile) {
    int total = 0;
    int windows = 0;
    for (Run run : runs) {
      total += run.scoring().rows() - run.scoring().firstScoredRow();
      windows += run.scoring().windows();
    }
    double[] scores = new double[total];
    long[] rowIds = new long[total];
    int[] windowBase = new int[runs.size()];
    int at = 0;
    for (int s = 0, base = 0; s < runs.size(); base += runs.get(s).scoring().windows(), s++) {
      windowBase[s] = base;
      NabScoring scoring = runs.get(s).scoring();
      for (int row = scoring.firstScoredRow(); row < scoring.rows(); row++, at++) {
        double score = runs.get(s).scores()[row];
        // A NaN score is never a detection (NabScoring.score); as -infinity it sorts last and is never swept past.
        scores[at] = Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
        rowIds[at] = ((long) s << 32) | row;
      }
    }
    Integer[] order = new Integer[total];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    double[] earliest = new double[windows];
    double raw = profile.nullScore(windows);
    double maxScore = total == 0 ? 0 : scores[order[0]];
    Best best = new Best(Math.nextUp(Math.max(maxScore, 1.0)), raw);
    for (int i = 0; i < total && scores[order[i]] > Double.NEGATIVE_INFINITY; ) {
      double threshold = scores[order[i]];
      for (; i < total && scores[order[i]] == threshold; i++) {
        int s = (int) (rowIds[order[i]] >>> 32);
        int row = (int) rowIds[order[i]];
        NabScoring scoring = runs.get(s).scoring();
        int w = scoring.windowOf(row);
        double share = scoring.share(row);
        if (w < 0) {
          raw += profile.falsePositive() * share;
        } else if (share > earliest[windowBase[s] + w]) {
          double before = earliest[windowBase[s] + w];
          raw += profile.truePositive() * share
              - (before > 0 ? profile.truePositive() * before : -profile.falseNegative());
          earliest[windowBase[s] + w] = share;
        }
      }
      if (raw > best.raw()) {
        best = new Best(threshold, raw);
      }
    }
    return best;
  }
}
