package io.anomalygateway.detector;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The sessions a detector holds: at most {@code max_sessions}, each evicted after {@code session_idle_timeout}
 * without a request. Kept in access order, so that eviction only looks at the sessions it removes.
 */
final class DetectorSessions {

  private final Map<String, DetectorSession> sessions = new LinkedHashMap<>(16, 0.75f, true);
  private final Function<String, DetectorSession> factory;
  private final int maxSessions;
  private final long idleNanos;
  private long evictions;

  DetectorSessions(Function<String, DetectorSession> factory, int maxSessions, double idleTimeoutSeconds) {
    this.factory = factory;
    this.maxSessions = maxSessions;
    this.idleNanos = Math.round(idleTimeoutSeconds * 1e9);
  }

  /**
   * @param id a session id
   * @param now the current {@link System#nanoTime()}
   * @return the session, created with the default settings if new, marked as active now
   * @throws ProtocolException with {@link ErrorCode#TOO_MANY_SESSIONS} when a new session would exceed the bound
   */
  DetectorSession open(String id, long now) {
    DetectorSession session = sessions.get(id);
    if (session == null) {
      evictIdle(now);
      if (sessions.size() >= maxSessions) {
        throw new ProtocolException(ErrorCode.TOO_MANY_SESSIONS, "The server holds its maximum of " + maxSessions
            + " sessions; try again later.");
      }
      session = factory.apply(id);
      sessions.put(id, session);
    }
    session.touch(now);
    return session;
  }

  /**
   * @param id a session id
   * @param now the current {@link System#nanoTime()}
   * @return the session, marked as active now, or {@code null} if the detector does not hold it
   */
  DetectorSession find(String id, long now) {
    DetectorSession session = sessions.get(id);
    if (session != null) {
      session.touch(now);
    }
    return session;
  }

  /** @return a session that is not held, to describe one that has not been seen yet */
  DetectorSession unseen(String id) {
    return factory.apply(id);
  }

  /**
   * Removes the sessions idle for longer than {@code session_idle_timeout}.
   *
   * @param now the current {@link System#nanoTime()}
   * @return how many were removed
   */
  int evictIdle(long now) {
    int removed = 0;
    Iterator<DetectorSession> eldest = sessions.values().iterator();
    while (eldest.hasNext()) {
      if (now - eldest.next().lastActive() <= idleNanos) {
        break;
      }
      eldest.remove();
      removed++;
    }
    evictions += removed;
    return removed;
  }

  int size() {
    return sessions.size();
  }

  long evictions() {
    return evictions;
  }
}
