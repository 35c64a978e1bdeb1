package io.anomalygateway.launcher.offline;

/**
 * A detector's NAB score on one or more series at one threshold, with the counts behind it.
 *
 * @param raw the raw score: earned in windows, less missed windows and false alarms
 * @param windows labelled windows
 * @param detected windows with a detection
 * @param truePositiveRows detections inside windows (NAB's TP column)
 * @param falsePositiveRows detections outside every window (NAB's FP column)
 * @param scoredRows rows after the probationary periods
 */
public record NabOutcome(double raw, int windows, int detected, int truePositiveRows, int falsePositiveRows,
                         int scoredRows) {

  /** Nothing: the sum's start. */
  public static final NabOutcome NONE = new NabOutcome(0, 0, 0, 0, 0, 0);

  /** @return this and {@code other} together, as NAB sums series into a corpus score */
  public NabOutcome plus(NabOutcome other) {
    return new NabOutcome(raw + other.raw, windows + other.windows, detected + other.detected,
        truePositiveRows + other.truePositiveRows, falsePositiveRows + other.falsePositiveRows,
        scoredRows + other.scoredRows);
  }

  /** @return the normalised score under the profile: 0 never firing, 100 firing at every window's start */
  public double normalised(NabProfile profile) {
    return profile.normalise(raw, windows);
  }

  /** @return false alarms per 1,000 scored rows */
  public double falseAlarmsPerThousandRows() {
    return scoredRows == 0 ? 0 : 1000.0 * falsePositiveRows / scoredRows;
  }
}
