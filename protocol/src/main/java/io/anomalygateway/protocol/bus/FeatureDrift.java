package io.anomalygateway.protocol.bus;

/**
 * The drift evidence for one feature.
 *
 * @param index the feature's position in the sample
 * @param statistic the test's statistic: KS distance, PSI, or for the streaming detectors the number of
 *     detections since the reference was taken
 * @param pValue the KS p-value, or {@code NaN} for the other methods
 * @param psi the population stability index of the recent window against the reference
 * @param drifted whether the feature is declared drifted (after correction across features for KS)
 */
public record FeatureDrift(int index, double statistic, double pValue, double psi, boolean drifted) {
}
