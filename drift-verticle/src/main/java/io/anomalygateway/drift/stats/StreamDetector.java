package io.anomalygateway.drift.stats;

/** A drift detector fed one value at a time. Not thread-safe. */
public interface StreamDetector {

  /**
   * @param value the next value of the stream
   * @return true when drift is detected at this value; the detector then starts afresh with the next one
   */
  boolean update(double value);
}
