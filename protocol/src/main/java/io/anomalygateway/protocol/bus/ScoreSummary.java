package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;

/**
 * What the detector scored for a session in one request, for the alert rules on anomaly rates.
 *
 * @param sessionId the session
 * @param samples samples scored
 * @param anomalies samples flagged
 * @param algorithm the algorithm that scored them
 */
public record ScoreSummary(String sessionId, int samples, int anomalies, Algorithm algorithm) {
}
