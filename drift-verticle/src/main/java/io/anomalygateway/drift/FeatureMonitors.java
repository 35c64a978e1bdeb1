package io.anomalygateway.drift;

import io.anomalygateway.drift.stats.Adwin;
import io.anomalygateway.drift.stats.PageHinkley;
import io.anomalygateway.drift.stats.StreamDetector;
import io.anomalygateway.protocol.DriftMethod;

import java.util.Arrays;

/**
 * The streaming drift detectors of one session: ADWIN and Page-Hinkley on each feature and on the anomaly-score
 * stream, fed every sample since the session's reference was taken, with when each last fired.
 */
final class FeatureMonitors {

  private final StreamDetector[] adwin;
  private final StreamDetector[] pageHinkley;
  private final long[] adwinCount;
  private final long[] pageHinkleyCount;
  private final long[] adwinLast;
  private final long[] pageHinkleyLast;
  private final StreamDetector scoreAdwin = new Adwin();
  private final StreamDetector scorePageHinkley = new PageHinkley();
  private long scoreLast = -1;

  FeatureMonitors(int dims) {
    adwin = new StreamDetector[dims];
    pageHinkley = new StreamDetector[dims];
    for (int k = 0; k < dims; k++) {
      adwin[k] = new Adwin();
      pageHinkley[k] = new PageHinkley();
    }
    adwinCount = new long[dims];
    pageHinkleyCount = new long[dims];
    adwinLast = new long[dims];
    pageHinkleyLast = new long[dims];
    Arrays.fill(adwinLast, -1);
    Arrays.fill(pageHinkleyLast, -1);
  }

  /** Feeds one sample (and its anomaly score, {@code NaN} when there was none) at stream position {@code at}. */
  void update(double[] values, int offset, double score, long at) {
    for (int k = 0; k < adwin.length; k++) {
      double value = values[offset + k];
      if (adwin[k].update(value)) {
        adwinCount[k]++;
        adwinLast[k] = at;
      }
      if (pageHinkley[k].update(value)) {
        pageHinkleyCount[k]++;
        pageHinkleyLast[k] = at;
      }
    }
    if (!Double.isNaN(score) && (scoreAdwin.update(score) | scorePageHinkley.update(score))) {
      scoreLast = at;
    }
  }

  /** @return detections of a feature by the method since the reference was taken */
  long detections(DriftMethod method, int feature) {
    return method == DriftMethod.ADWIN ? adwinCount[feature] : pageHinkleyCount[feature];
  }

  /** @return the stream position of the feature's last detection by the method, or -1 */
  long lastDetection(DriftMethod method, int feature) {
    return method == DriftMethod.ADWIN ? adwinLast[feature] : pageHinkleyLast[feature];
  }

  /** @return the stream position of the last drift of the anomaly scores, or -1 */
  long lastScoreDrift() {
    return scoreLast;
  }
}
