package io.anomalygateway.drift;

import io.anomalygateway.runtime.capacity.MemoryBudget;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sessions whose drift a monitor watches, in access order: idle ones are evicted after
 * {@code session_idle_timeout}, and beyond {@code max_sessions} the least recently active one makes room (drift
 * state is rebuilt from the stream, so losing it costs a new reference, not a refused sample). Their memory is
 * reserved from the process's state budget before it grows; under pressure, sessions idle for
 * {@code capacity.eviction_idle} make room, least recently used first.
 */
final class DriftSessions {

  private final Map<String, SessionDrift> sessions = new LinkedHashMap<>(16, 0.75f, true);
  private final DriftOptions options;
  private final MemoryBudget budget;
  private final long evictionIdleNanos;
  private final long idleNanos;
  private long refusals;

  DriftSessions(DriftOptions options, MemoryBudget budget, long evictionIdleNanos) {
    this.options = options;
    this.budget = budget;
    this.evictionIdleNanos = evictionIdleNanos;
    this.idleNanos = options.sessionIdleTimeout().toNanos();
  }

  SessionDrift open(String id, long now) {
    SessionDrift session = sessions.get(id);
    if (session == null) {
      evictIdle(now);
      if (sessions.size() >= options.maxSessions()) {
        Iterator<SessionDrift> eldest = sessions.values().iterator();
        release(eldest.next());
        eldest.remove();
      }
      session = new SessionDrift(id, options);
      sessions.put(id, session);
    }
    session.touch(now);
    return session;
  }

  /**
   * Reserves what the session will hold after {@code rows} more samples, evicting idle sessions if needed.
   *
   * @return whether it may take them; if not, the samples are not observed (and counted)
   */
  boolean reserve(SessionDrift session, int rows, int dims, long now) {
    boolean granted = session.reservation().growTo(budget, session.bytesAfter(rows, dims),
        onlyOf -> evictOne(now - evictionIdleNanos, onlyOf, session)) == MemoryBudget.Outcome.GRANTED;
    if (!granted) {
      refusals++;
    }
    return granted;
  }

  private boolean evictOne(long idleSince, String tenant, SessionDrift except) {
    Iterator<SessionDrift> eldest = sessions.values().iterator();
    while (eldest.hasNext()) {
      SessionDrift session = eldest.next();
      if (session.lastActive() - idleSince > 0) {
        return false;
      }
      if (session != except && (tenant == null || tenant.equals(session.reservation().tenant()))) {
        release(session);
        eldest.remove();
        return true;
      }
    }
    return false;
  }

  private void release(SessionDrift session) {
    session.reservation().release(budget);
  }

  /**
   * Drops the sessions another instance now owns: their state re-forms there, and must not come back stale if they
   * return here.
   *
   * @return how many were dropped
   */
  int retainOwned(Predicate<String> owned) {
    int before = sessions.size();
    sessions.values().removeIf(session -> {
      boolean drop = !owned.test(session.sessionId());
      if (drop) {
        release(session);
      }
      return drop;
    });
    return before - sessions.size();
  }

  int evictIdle(long now) {
    int removed = 0;
    Iterator<SessionDrift> eldest = sessions.values().iterator();
    while (eldest.hasNext()) {
      SessionDrift session = eldest.next();
      if (now - session.lastActive() <= idleNanos) {
        break;
      }
      release(session);
      eldest.remove();
      removed++;
    }
    return removed;
  }

  /** @return observations dropped because the state budget had no room for them */
  long refusals() {
    return refusals;
  }
}
