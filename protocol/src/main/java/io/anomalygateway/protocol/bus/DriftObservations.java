package io.anomalygateway.protocol.bus;

import java.util.List;

/**
 * Observations for one drift instance, coalesced: what a detector scored for any of that instance's sessions since
 * its last batch, each session's in order. One message instead of one per request.
 *
 * @param observations the observations, in the order they were scored
 */
public record DriftObservations(List<DriftObservation> observations) {

  /** Copies the list. */
  public DriftObservations {
    observations = List.copyOf(observations);
  }
}
