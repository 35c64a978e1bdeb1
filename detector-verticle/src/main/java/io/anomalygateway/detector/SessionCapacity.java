package io.anomalygateway.detector;

import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.runtime.capacity.MemoryBudget;
import io.anomalygateway.runtime.capacity.Reservation;

import java.util.function.Consumer;

/**
 * Keeps the detector's sessions within the process's state budget: before a session grows, it reserves what it will
 * hold (a closed formula, {@link DetectorSession#bytesAfter}); when the budget is full, it makes room by evicting
 * the least recently used sessions idle for at least {@code eviction_idle} (a token over its share only evicts its
 * own), and otherwise refuses the request with {@code CAPACITY_EXCEEDED} before anything is allocated.
 *
 * <p>Only the detector verticle's context touches it; the budget itself is shared with the process's other
 * detector and drift instances.
 */
final class SessionCapacity {

  private final MemoryBudget budget;
  private final DetectorSessions sessions;
  private final long evictionIdleNanos;
  private final Consumer<DetectorSession> evict;
  private long pressureEvictions;

  /**
   * @param evict takes a session out of memory (with a last snapshot where they are kept)
   */
  SessionCapacity(MemoryBudget budget, DetectorSessions sessions, long evictionIdleNanos,
                  Consumer<DetectorSession> evict) {
    this.budget = budget;
    this.sessions = sessions;
    this.evictionIdleNanos = evictionIdleNanos;
    this.evict = evict;
    sessions.onRemoved(this::release);
  }

  /**
   * Makes sure the session may hold {@code bytes}.
   *
   * @throws ProtocolException with {@code CAPACITY_EXCEEDED} when neither the budget nor eviction makes room
   */
  void reserve(DetectorSession session, long bytes, long now) {
    Reservation reservation = session.reservation();
    long more = bytes - reservation.bytes();
    MemoryBudget.Outcome outcome = reservation.growTo(budget, bytes, onlyOf -> {
      DetectorSession idle = sessions.leastRecentlyUsed(now - evictionIdleNanos, onlyOf, session);
      if (idle == null) {
        return false;
      }
      pressureEvictions++;
      evict.accept(idle);
      return true;
    });
    if (outcome != MemoryBudget.Outcome.GRANTED) {
      String onlyOf = outcome == MemoryBudget.Outcome.TENANT_FULL ? reservation.tenant() : null;
      throw refusal(outcome, more, onlyOf, session, now);
    }
  }

  /** After a request: the reservation becomes what the session really holds (replies may differ from estimates). */
  void settle(DetectorSession session) {
    session.reservation().settle(budget, session.bytes());
  }

  private void release(DetectorSession session) {
    session.reservation().release(budget);
  }

  /** Waiting helps when a session will become evictable: then the retry delay is when the eldest one does. */
  private ProtocolException refusal(MemoryBudget.Outcome outcome, long more, String tenant, DetectorSession except,
                                    long now) {
    DetectorSession eldest = sessions.leastRecentlyUsed(now, tenant, except);
    long retryAfter = eldest == null ? 0
        : Math.max(100, (eldest.lastActive() + evictionIdleNanos - now) / 1_000_000);
    String what = outcome == MemoryBudget.Outcome.TENANT_FULL
        ? "Your token's share of session memory (" + budget.tenantLimit() + " bytes) is used up"
        : "The server's session memory (" + budget.limit() + " bytes) is used up";
    return new ProtocolException(ProtocolError.capacityExceeded(what + "; this request needs " + more
        + " more bytes. Nothing was scored.", retryAfter), null);
  }

  /** @return sessions evicted before their idle timeout to make room */
  long pressureEvictions() {
    return pressureEvictions;
  }

  MemoryBudget budget() {
    return budget;
  }
}
