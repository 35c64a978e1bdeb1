package io.anomalygateway.launcher.offline;

import java.util.Arrays;
import java.util.List;

/**
 * NAB's scoring of one series, prepared once from its labelled windows, so that any detector's scores at any
 * threshold are scored in one pass (Lavin and Ahmad 2015, as restated in the corpus README):
 *
 * <ul>
 *   <li>the first {@code min(floor(0.15 n), 750)} rows are a probationary period and count for nothing;</li>
 *   <li>a row is a detection when its score reaches the threshold;</li>
 *   <li>in a window only the earliest detection counts, earning A_TP times the scaled sigmoid of its position
 *       divided by the sigmoid's value at the window's start; a window without one costs A_FN;</li>
 *   <li>a detection outside every window costs A_FP times the sigmoid of its distance after the preceding window,
 *       in that window's length less one (so little just after a window), or A_FP in full when none precedes.</li>
 * </ul>
 *
 * <p>A window is the rows from the first to the last whose timestamp lies in its inclusive {@code [start, end]}.
 */
public final class NabScoring {

  private final int rows;
  private final int probation;
  private final int windows;
  /** Per row: the window it lies in, or -1. */
  private final int[] windowOf;
  /** Per row: in a window, its share of A_TP if it is the window's earliest detection; outside, its share of A_FP
   * (negative). */
  private final double[] weight;

  private NabScoring(int rows, int windows, int[] windowOf, double[] weight) {
    this.rows = rows;
    this.probation = probation(rows);
    this.windows = windows;
    this.windowOf = windowOf;
    this.weight = weight;
  }

  /** @return NAB's probationary period of a series of {@code rows} rows: {@code min(floor(0.15 rows), 750)} */
  public static int probation(int rows) {
    return Math.min((int) Math.floor(0.15 * rows), 750);
  }

  /**
   * @param timestamps each row's timestamp, {@code YYYY-MM-DD HH:MM:SS}, which compares correctly as text
   * @param windows inclusive {@code [start, end]} timestamps, in time order
   * @return the series' scoring
   * @throws IllegalArgumentException when a window holds no row
   */
  public static NabScoring of(List<String> timestamps, List<String[]> windows) {
    int rows = timestamps.size();
    int[] windowOf = new int[rows];
    Arrays.fill(windowOf, -1);
    double[] weight = new double[rows];
    int[] first = new int[windows.size()];
    int[] last = new int[windows.size()];
    for (int w = 0; w < windows.size(); w++) {
      first[w] = -1;
      for (int row = 0; row < rows; row++) {
        String time = timestamps.get(row);
        if (time.compareTo(windows.get(w)[0]) >= 0 && time.compareTo(windows.get(w)[1]) <= 0) {
          first[w] = first[w] < 0 ? row : first[w];
          last[w] = row;
        }
      }
      if (first[w] < 0) {
        throw new IllegalArgumentException("No row lies in the window " + String.join(" - ", windows.get(w)));
      }
      double length = last[w] - first[w] + 1;
      for (int row = first[w]; row <= last[w]; row++) {
        windowOf[row] = w;
        weight[row] = NabSigmoid.of(-(last[w] - row + 1) / length) / NabSigmoid.AT_WINDOW_START;
      }
    }
    for (int row = 0; row < rows; row++) {
      if (windowOf[row] < 0) {
        weight[row] = falseAlarmShare(row, first, last);
      }
    }
    return new NabScoring(rows, windows.size(), windowOf, weight);
  }

  /** The share of A_FP a detection at {@code row}, outside every window, costs (negative). */
  private static double falseAlarmShare(int row, int[] first, int[] last) {
    int preceding = -1;
    for (int w = 0; w < last.length; w++) {
      if (last[w] < row && (preceding < 0 || last[w] > last[preceding])) {
        preceding = w;
      }
    }
    if (preceding < 0) {
      return -1.0;
    }
    double spacing = Math.max(1, last[preceding] - first[preceding]);
    return NabSigmoid.of((row - last[preceding]) / spacing);
  }

  /** @return the rows of the series */
  public int rows() {
    return rows;
  }

  /** @return the labelled windows of the series */
  public int windows() {
    return windows;
  }

  /** @return the first row that is scored, after the probationary period */
  public int firstScoredRow() {
    return probation;
  }

  /** @return the window row {@code row} lies in, or -1 outside every window */
  int windowOf(int row) {
    return windowOf[row];
  }

  /**
   * @return what a detection at {@code row} is worth in the profile's units: in a window, its share of A_TP should it
   *     be the window's earliest (in (0, 1]); outside, its share of A_FP (in [-1, 0))
   */
  double share(int row) {
    return weight[row];
  }

  /**
   * Scores a detector's output at a threshold.
   *
   * @param scores each row's anomaly score
   * @param threshold rows scoring at least this are detections
   * @param profile the costs
   * @return the raw score and the counts
   */
  public NabOutcome score(double[] scores, double threshold, NabProfile profile) {
    double[] earliest = new double[windows];
    int truePositives = 0;
    int falsePositives = 0;
    double falseAlarms = 0;
    for (int row = probation; row < rows; row++) {
      if (!(scores[row] >= threshold)) {
        continue;
      }
      int w = windowOf[row];
      if (w < 0) {
        falsePositives++;
        falseAlarms += profile.falsePositive() * weight[row];
      } else {
        truePositives++;
        earliest[w] = Math.max(earliest[w], weight[row]);
      }
    }
    double raw = falseAlarms;
    int detected = 0;
    for (double share : earliest) {
      raw += share > 0 ? profile.truePositive() * share : -profile.falseNegative();
      detected += share > 0 ? 1 : 0;
    }
    return new NabOutcome(raw, windows, detected, truePositives, falsePositives, rows - probation);
  }
}
