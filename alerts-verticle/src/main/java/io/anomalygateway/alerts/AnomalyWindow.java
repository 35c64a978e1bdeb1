package io.anomalygateway.alerts;

/** The most recent samples of a session, as anomalous or not, in a ring of bits: the basis of an anomaly rate. */
final class AnomalyWindow {

  private final boolean[] ring;
  private int head;
  private int size;
  private int anomalies;

  AnomalyWindow(int length) {
    ring = new boolean[length];
  }

  /** Adds a block of samples, {@code anomalies} of which were flagged (their order within the block is unknown). */
  void add(int samples, int anomalousSamples) {
    for (int i = 0; i < samples; i++) {
      boolean anomalous = i < anomalousSamples;
      if (size == ring.length) {
        anomalies -= ring[head] ? 1 : 0;
      } else {
        size++;
      }
      ring[head] = anomalous;
      anomalies += anomalous ? 1 : 0;
      head = (head + 1) % ring.length;
    }
  }

  int size() {
    return size;
  }

  double rate() {
    return size == 0 ? 0.0 : (double) anomalies / size;
  }
}
