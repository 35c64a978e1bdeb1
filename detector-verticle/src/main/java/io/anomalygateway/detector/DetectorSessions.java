package io.anomalygateway.detector;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.SessionSettings;

import java.util.HashMap;
import java.util.Map;

/** The sessions a detector holds, bounded by {@code max_sessions}. */
final class DetectorSessions {

  private final Map<String, DetectorSession> sessions = new HashMap<>();
  private final SessionSettings defaults;
  private final int maxSessions;

  DetectorSessions(SessionSettings defaults, int maxSessions) {
    this.defaults = defaults;
    this.maxSessions = maxSessions;
  }

  /**
   * @param id a session id
   * @return the session, created with the default settings if new
   * @throws ProtocolException with {@link ErrorCode#TOO_MANY_SESSIONS} when a new session would exceed the bound
   */
  DetectorSession open(String id) {
    DetectorSession session = sessions.get(id);
    if (session == null) {
      if (sessions.size() >= maxSessions) {
        throw new ProtocolException(ErrorCode.TOO_MANY_SESSIONS, "The server holds its maximum of " + maxSessions
            + " sessions; try again later.");
      }
      session = new DetectorSession(id, defaults);
      sessions.put(id, session);
    }
    return session;
  }

  /**
   * @param id a session id
   * @return the session, or {@code null} if the detector has never seen it
   */
  DetectorSession find(String id) {
    return sessions.get(id);
  }

  /** @return the settings of a session that has not been seen yet */
  SessionSettings defaults() {
    return defaults;
  }

  int size() {
    return sessions.size();
  }
}
