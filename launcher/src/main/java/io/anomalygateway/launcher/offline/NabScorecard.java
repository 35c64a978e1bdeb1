package io.anomalygateway.launcher.offline;

import java.util.List;

/**
 * How a detector's flags on a NAB series meet its labelled anomaly windows: windows with at least one flag inside,
 * and flags outside every window, both counted after NAB's probationary period, as NAB's own scorer does.
 *
 * @param windows labelled windows
 * @param detected windows with at least one flag inside
 * @param falsePositives flags outside every window
 * @param rows rows of the series
 */
record NabScorecard(int windows, int detected, int falsePositives, int rows) {

  /**
   * @param timestamps each row's timestamp
   * @param flagged whether each row was flagged
   * @param windows the windows, as inclusive {@code [start, end]} timestamps
   * @param probation rows at the start that are not scored
   * @return the scorecard
   */
  static NabScorecard of(List<String> timestamps, boolean[] flagged, List<String[]> windows, int probation) {
    boolean[] hit = new boolean[windows.size()];
    int falsePositives = 0;
    for (int row = probation; row < timestamps.size(); row++) {
      if (!flagged[row]) {
        continue;
      }
      int window = windowOf(timestamps.get(row), windows);
      if (window < 0) {
        falsePositives++;
      } else {
        hit[window] = true;
      }
    }
    int detected = 0;
    for (boolean h : hit) {
      detected += h ? 1 : 0;
    }
    return new NabScorecard(windows.size(), detected, falsePositives, timestamps.size());
  }

  /** Timestamps of the form {@code YYYY-MM-DD HH:MM:SS} compare correctly as text. */
  private static int windowOf(String timestamp, List<String[]> windows) {
    for (int w = 0; w < windows.size(); w++) {
      if (timestamp.compareTo(windows.get(w)[0]) >= 0 && timestamp.compareTo(windows.get(w)[1]) <= 0) {
        return w;
      }
    }
    return -1;
  }

  double falsePositivesPerThousandRows() {
    return 1000.0 * falsePositives / rows;
  }

  NabScorecard plus(NabScorecard other) {
    return new NabScorecard(windows + other.windows, detected + other.detected,
        falsePositives + other.falsePositives, rows + other.rows);
  }
}
