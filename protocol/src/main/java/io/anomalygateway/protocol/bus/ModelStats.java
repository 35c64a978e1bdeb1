package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;

/**
 * The state of one model of a session.
 *
 * @param algorithm the model's algorithm
 * @param samples samples this model has scored
 * @param anomalies samples this model flagged
 * @param bufferSize samples in its sliding buffer
 * @param fitted whether it has been fitted
 * @param refits completed fits
 * @param threshold the decision threshold, or {@code NaN} before the first fit
 */
public record ModelStats(Algorithm algorithm, long samples, long anomalies, int bufferSize, boolean fitted,
                         long refits, double threshold) {
}
