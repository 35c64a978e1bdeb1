package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.DriftMethod;

/**
 * A {@code drift} request for the drift monitor.
 *
 * @param sessionId the session
 * @param windowSize the recent samples to compare, or 0 for the monitor's default
 * @param method the test, or {@code null} for the monitor's default
 * @param alpha the significance level after correction, or {@code NaN} for the monitor's default
 * @param reset whether to take a fresh reference instead of testing
 */
public record DriftQuery(String sessionId, int windowSize, DriftMethod method, double alpha, boolean reset) {
}
