package io.anomalygateway.protocol.bus;

/**
 * Asks the detector for a session's statistics.
 *
 * @param sessionId the session
 */
public record SessionQuery(String sessionId) {
}
