package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.SampleIds;

import java.util.List;

/**
 * The detector's verdict on one sample.
 *
 * @param sampleId the detector's id of the sample
 * @param anomaly whether the sample is anomalous (always false before the model is fitted)
 * @param score the confidence that the sample is anomalous, in [0, 1]
 * @param bufferSize the number of samples in the model's buffer once this sample was added
 * @param explanation for an anomalous sample, the features that contributed most, largest first; otherwise empty
 */
public record Verdict(String sampleId, boolean anomaly, double score, int bufferSize,
                      List<FeatureContribution> explanation) {

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
    return new Verdict(SampleIds.next(), false, score, bufferSize, List.of());
  }

  /**
   * @param score the confidence that the sample is anomalous
   * @param bufferSize the buffer size once the sample was added
   * @param explanation the features that contributed most
   * @return the verdict on an anomalous sample, with a new sample id
   */
  public static Verdict anomalous(double score, int bufferSize, List<FeatureContribution> explanation) {
    return new Verdict(SampleIds.next(), true, score, bufferSize, explanation);
  }
}
