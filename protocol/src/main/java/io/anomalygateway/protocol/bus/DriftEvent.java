package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.DriftMethod;

import java.util.List;

/**
 * Drift found by continuous monitoring, published on {@link io.anomalygateway.protocol.Addresses#DRIFT_EVENTS}.
 *
 * @param sessionId the session
 * @param sample the position in the session's stream (0-based) of the last sample of the drifted window
 * @param method the test that found it
 * @param features the drifted features' evidence
 * @param scoreDrift whether the anomaly-score stream drifted too
 * @param refit whether the session's policy is to refit the detector on the post-drift samples
 * @param recentSize the samples after the change the detector should refit on
 */
public record DriftEvent(String sessionId, long sample, DriftMethod method, List<FeatureDrift> features,
                         boolean scoreDrift, boolean refit, int recentSize) {

  /** Copies the list. */
  public DriftEvent {
    features = List.copyOf(features);
  }
}
