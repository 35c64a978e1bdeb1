package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.SessionSettings;

import java.util.List;

/**
 * A session's detector statistics.
 *
 * @param sessionId the session
 * @param settings its current settings
 * @param dimension the dimension its first sample established, or 0 before any sample
 * @param totalSamples samples scored for the session, over all algorithms
 * @param models one entry per algorithm the session has used
 * @param detector what the detector that holds the session holds in all
 */
public record SessionStats(String sessionId, SessionSettings settings, int dimension, long totalSamples,
                           List<ModelStats> models, DetectorLoad detector) {

  /** Copies the list. */
  public SessionStats {
    models = List.copyOf(models);
  }

  /** @return the statistics of the session's default algorithm, or {@code null} if it has not been used */
  public ModelStats defaultModel() {
    return models.stream().filter(m -> m.algorithm() == settings.algorithm()).findFirst().orElse(null);
  }
}
