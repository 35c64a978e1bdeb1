package io.anomalygateway.drift;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sessions whose drift a monitor watches, in access order: idle ones are evicted after
 * {@code session_idle_timeout}, and beyond {@code max_sessions} the least recently active one makes room (drift
 * state is rebuilt from the stream, so losing it costs a new reference, not a refused sample).
 */
final class DriftSessions {

  private final Map<String, SessionDrift> sessions = new LinkedHashMap<>(16, 0.75f, true);
  private final DriftOptions options;
  private final long idleNanos;

  DriftSessions(DriftOptions options) {
    this.options = options;
    this.idleNanos = Math.round(options.getSessionIdleTimeout() * 1e9);
  }

  SessionDrift open(String id, long now) {
    SessionDrift session = sessions.get(id);
    if (session == null) {
      evictIdle(now);
      if (sessions.size() >= options.getMaxSessions()) {
        Iterator<SessionDrift> eldest = sessions.values().iterator();
        eldest.next();
        eldest.remove();
      }
      session = new SessionDrift(id, options);
      sessions.put(id, session);
    }
    session.touch(now);
    return session;
  }

  /**
   * Drops the sessions another instance now owns: their state re-forms there, and must not come back stale if they
   * return here.
   *
   * @return how many were dropped
   */
  int retainOwned(java.util.function.Predicate<String> owned) {
    int before = sessions.size();
    sessions.keySet().removeIf(owned.negate());
    return before - sessions.size();
  }

  int evictIdle(long now) {
    int removed = 0;
    Iterator<SessionDrift> eldest = sessions.values().iterator();
    while (eldest.hasNext() && now - eldest.next().lastActive() > idleNanos) {
      eldest.remove();
      removed++;
    }
    return removed;
  }
}
