package io.anomalygateway.detector;

/**
 * Turns a forest's graded alerts into a grade that favours rare, isolated alerts: anomalies are rare by definition,
 * so on a stream that alerts often each new alert is worth less.
 *
 * <ul>
 *   <li>An alert within {@code gap} samples of the last one kept is dropped unless its grade is higher: one anomalous
 *       episode gives one alert, or a few that grow.</li>
 *   <li>A kept alert's grade is divided by {@code 1 + weight p}, where {@code p} counts the alerts kept before it,
 *       each decayed by {@code e^(-age / memory)} with its age in samples: a stream's first alert in a long time
 *       keeps its grade, and the tenth in a short time keeps a tenth of it.</li>
 * </ul>
 *
 * <p>On the NAB corpus (58 series, see docs/detection-quality.md) these two rules take the forest's alerts from 63.3
 * to 66.9 on NAB's standard profile (shingle 16, seed 42), chiefly by cutting false alarms on the spiky Twitter
 * series. The state is three numbers, updated in constant time.
 */
final class RareAlerts {

  private final int gap;
  private final double memory;
  private final double weight;
  private long lastKept = Long.MIN_VALUE / 2;
  private double lastGrade;
  private double pressure;

  /**
   * @param gap samples after a kept alert within which a weaker alert is dropped
   * @param memory samples over which a kept alert's weight decays by {@code e}
   * @param weight how much each earlier alert (decayed) divides a new one by
   */
  RareAlerts(int gap, double memory, double weight) {
    this.gap = gap;
    this.memory = memory;
    this.weight = weight;
  }

  /**
   * @param sample the sample's position in the stream, increasing
   * @param grade the forest's anomaly grade of the sample, 0 when it did not alert
   * @return the rarity-weighted grade, in [0, 1]
   */
  double next(long sample, double grade) {
    if (!(grade > 0) || (sample - lastKept <= gap && grade <= lastGrade)) {
      return 0.0;
    }
    pressure *= Math.exp(-(sample - lastKept) / memory);
    lastKept = sample;
    lastGrade = grade;
    double weighted = grade / (1 + weight * pressure);
    pressure += 1;
    return weighted;
  }

  /** @return the state, for a snapshot: the last kept alert's position and grade, and the decayed count */
  double[] state() {
    return new double[] {lastKept, lastGrade, pressure};
  }

  /** Restores what {@link #state()} returned. */
  void restore(double[] state) {
    lastKept = (long) state[0];
    lastGrade = state[1];
    pressure = state[2];
  }
}
