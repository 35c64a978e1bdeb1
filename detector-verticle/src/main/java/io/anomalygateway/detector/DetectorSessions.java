package io.anomalygateway.detector;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
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
  private Consumer<DetectorSession> removed = session -> { };
  private long evictions;

  DetectorSessions(Function<String, DetectorSession> factory, int maxSessions, java.time.Duration idleTimeout) {
    this.factory = factory;
    this.maxSessions = maxSessions;
    this.idleNanos = idleTimeout.toNanos();
  }

  /** Runs for every session that stops being held, whatever the reason: its memory goes back to the budget. */
  void onRemoved(Consumer<DetectorSession> listener) {
    this.removed = listener;
  }

  /**
   * @param idleSince the {@link System#nanoTime()} a candidate must have been idle since
   * @param tenant only the sessions of this token, or {@code null} for any
   * @param except a session that must stay (the one making room)
   * @return the least recently used session idle since then, or {@code null} when there is none
   */
  DetectorSession leastRecentlyUsed(long idleSince, String tenant, DetectorSession except) {
    for (DetectorSession session : sessions.values()) {
      if (session.lastActive() - idleSince > 0) {
        return null;
      }
      if (session != except && (tenant == null || tenant.equals(session.reservation().tenant()))) {
        return session;
      }
    }
    return null;
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
        throw tooMany();
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

  /** @return the session if held, without marking it as active, else {@code null} */
  DetectorSession peek(String id) {
    return sessions.get(id);
  }

  /**
   * Holds a session built elsewhere (restored from a snapshot), as {@link #open} would a new one.
   *
   * @throws ProtocolException with {@link ErrorCode#TOO_MANY_SESSIONS} when it would exceed the bound
   */
  DetectorSession install(DetectorSession session, long now) {
    DetectorSession held = sessions.get(session.id());
    if (held != null) {
      return held;
    }
    evictIdle(now);
    if (sessions.size() >= maxSessions) {
      throw tooMany();
    }
    sessions.put(session.id(), session);
    session.touch(now);
    return session;
  }

  /** @return a new session with the default settings, not held (for restoring, or describing an unseen one) */
  DetectorSession create(String id) {
    return factory.apply(id);
  }

  /** Stops holding a session (it moved to another detector). */
  void remove(String id) {
    DetectorSession session = sessions.remove(id);
    if (session != null) {
      removed.accept(session);
    }
  }

  /** @return a copy of the held sessions' ids */
  List<String> ids() {
    return new ArrayList<>(sessions.keySet());
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
      DetectorSession session = eldest.next();
      if (now - session.lastActive() <= idleNanos) {
        break;
      }
      eldest.remove();
      this.removed.accept(session);
      removed++;
    }
    evictions += removed;
    return removed;
  }

  private ProtocolException tooMany() {
    return new ProtocolException(ErrorCode.TOO_MANY_SESSIONS, "The server holds its maximum of " + maxSessions
        + " sessions; try again later.");
  }

  int size() {
    return sessions.size();
  }

  long evictions() {
    return evictions;
  }
}
