package io.anomalygateway.protocol.bus;

/**
 * The detector's verdict on one sample.
 *
 * @param anomaly whether the sample is anomalous (always false before the model is fitted)
 * @param score the confidence that the sample is anomalous, in [0, 1]
 * @param bufferSize the number of samples in the model's buffer once this sample was added
 */
public record Verdict(boolean anomaly, double score, int bufferSize) {
}
