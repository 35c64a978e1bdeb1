package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;

/**
 * Asks the detector to score samples of a session, in order, and add them to the session's buffer.
 *
 * @param sessionId the session the samples belong to
 * @param algorithm the algorithm to use, or {@code null} for the session's default
 * @param samples the samples
 * @param requestKey the client's id and the request's id, by which a repeat of the request (a client resending
 *     after a reconnect) is answered with the first reply instead of being scored again; {@code null} for none
 * @param tenant the token the session's memory is counted against (its id), or {@code null} without tokens
 */
public record ScoreCommand(String sessionId, Algorithm algorithm, Samples samples, String requestKey,
                           String tenant) {

  /**
   * @param clientId the id of the client that sent the request, or {@code null}
   * @param requestId the request's id, or {@code null}
   * @return the key that identifies the request within its session, or {@code null} when it has none
   */
  public static String requestKey(String clientId, String requestId) {
    return clientId == null || requestId == null ? null : clientId + '\u001f' + requestId;
  }
}
