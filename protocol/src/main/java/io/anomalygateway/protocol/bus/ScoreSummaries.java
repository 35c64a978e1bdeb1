package io.anomalygateway.protocol.bus;

import java.util.List;

/**
 * Summaries for one alerts instance, coalesced like {@link DriftObservations}.
 *
 * @param summaries the summaries, in the order their requests were scored
 */
public record ScoreSummaries(List<ScoreSummary> summaries) {

  /** Copies the list. */
  public ScoreSummaries {
    summaries = List.copyOf(summaries);
  }
}
