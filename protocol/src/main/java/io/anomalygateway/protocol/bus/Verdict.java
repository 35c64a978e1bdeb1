package io.anomalygateway.protocol.bus;

import java.util.List;

/**
 * The detector's verdict on one sample.
 *
 * @param anomaly whether the sample is anomalous (always false before the model is fitted)
 * @param score the confidence that the sample is anomalous, in [0, 1]
 * @param bufferSize the number of samples in the model's buffer once this sample was added
 * @param explanation for an anomalous sample, the features that contributed most, largest first; otherwise empty
 */
public record Verdict(boolean anomaly, double score, int bufferSize, List<FeatureContribution> explanation) {

  /** Copies the explanation. */
  public Verdict {
    explanation = List.copyOf(explanation);
  }

  /**
   * @param score the confidence that the sample is anomalous
   * @param bufferSize the buffer size once the sample was added
   * @return the verdict on a sample that is not anomalous
   */
  public static Verdict normal(double score, int bufferSize) {
    return new Verdict(false, score, bufferSize, List.of());
  }
}
