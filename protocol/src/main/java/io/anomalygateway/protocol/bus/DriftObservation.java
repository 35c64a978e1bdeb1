package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Samples;

/**
 * Samples of a session as the detector scored them, forwarded to the drift monitor.
 *
 * @param sessionId the session
 * @param samples the samples, in order
 * @param scores each sample's anomaly score, or {@code NaN} when no fitted model scored it
 * @param tenant the token the session's memory is counted against, or {@code null}
 */
public record DriftObservation(String sessionId, Samples samples, double[] scores, String tenant) {
}
