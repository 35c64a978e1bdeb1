package io.anomalygateway.launcher.offline;

import java.util.ArrayList;
import java.util.List;

/**
 * How drift detections meet known change points: the delay of the first detection after each change (before the
 * next one), detections before the first change (false alarms), and further detections after the first one of a
 * change (repeat alarms).
 *
 * @param delays per change point, samples from the change to its first detection, or -1 when missed
 * @param falseAlarms detections before the first change point (all of them when there is none)
 * @param repeats detections after the first one following the same change
 */
public record DriftScore(List<Long> delays, int falseAlarms, int repeats) {

  /**
   * @param changes the change points (first row of each new concept), ascending
   * @param detections the stream positions of the detections
   * @return the score
   */
  public static DriftScore of(List<Integer> changes, List<Long> detections) {
    List<Long> delays = new ArrayList<>();
    int falseAlarms = 0;
    int repeats = 0;
    for (long at : detections) {
      if (changes.isEmpty() || at < changes.get(0)) {
        falseAlarms++;
      }
    }
    for (int i = 0; i < changes.size(); i++) {
      long from = changes.get(i);
      long to = i + 1 < changes.size() ? changes.get(i + 1) : Long.MAX_VALUE;
      List<Long> inside = detections.stream().filter(at -> at >= from && at < to).toList();
      delays.add(inside.isEmpty() ? -1 : inside.get(0) - from);
      repeats += Math.max(0, inside.size() - 1);
    }
    return new DriftScore(delays, falseAlarms, repeats);
  }
}
