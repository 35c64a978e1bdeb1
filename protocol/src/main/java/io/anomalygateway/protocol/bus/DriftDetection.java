package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.DriftMethod;

import java.util.List;

/**
 * A drift that continuous monitoring detected, as a {@code drift} request reports it while the reference re-forms
 * after it.
 *
 * @param sample the position in the session's stream (0-based) of the last sample of the drifted window
 * @param method the test that found it
 * @param features the evidence of the check that confirmed it, for every feature, the drifted ones flagged
 */
public record DriftDetection(long sample, DriftMethod method, List<FeatureDrift> features) {

  /** Copies the list. */
  public DriftDetection {
    features = List.copyOf(features);
  }
}
