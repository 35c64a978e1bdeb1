package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.ConfigUpdate;

/**
 * Asks the detector to change a session's settings; it answers with the resulting
 * {@link io.anomalygateway.protocol.SessionSettings}.
 *
 * @param sessionId the session
 * @param update the changes (an empty update only reads the settings)
 */
public record ConfigureCommand(String sessionId, ConfigUpdate update) {
}
