package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;

/**
 * Asks the detector to score samples of a session, in order, and add them to the session's buffer.
 *
 * @param sessionId the session the samples belong to
 * @param algorithm the algorithm to use, or {@code null} for the session's default
 * @param samples the samples
 */
public record ScoreCommand(String sessionId, Algorithm algorithm, Samples samples) {
}
