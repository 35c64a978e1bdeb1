package io.anomalygateway.runtime.capacity;

import java.util.function.Predicate;

/**
 * What one holder (a session of the detector or of the drift monitor) has reserved from a {@link MemoryBudget}, and
 * for which tenant: the one place where a holder's bytes grow, shrink and go back, so that the books of the budget
 * always equal the sum of its holders. Not thread-safe: the verticle that owns the holder uses it.
 */
public final class Reservation {

  private String tenant;
  private long bytes;

  /** @return the tenant the bytes are counted against, or {@code null} for none */
  public String tenant() {
    return tenant;
  }

  /** @return the bytes reserved */
  public long bytes() {
    return bytes;
  }

  /**
   * Counts the holder against a tenant, unless it already holds bytes for one: a session stays with the token that
   * created it.
   *
   * @param candidate the tenant of the request at hand, or {@code null}
   */
  public void claim(String candidate) {
    if (tenant == null && bytes == 0) {
      tenant = candidate;
    }
  }

  /**
   * Grows the reservation to {@code target} bytes (nothing to do when it holds that much). While the budget refuses,
   * {@code makeRoom} is asked to free memory (given the tenant whose share is full, or {@code null} when the node's
   * budget is) and the reservation is tried again.
   *
   * @param makeRoom frees something and says so, or says that there is nothing left to free
   * @return {@link MemoryBudget.Outcome#GRANTED}, or the limit that refused once nothing more could be freed
   */
  public MemoryBudget.Outcome growTo(MemoryBudget budget, long target, Predicate<String> makeRoom) {
    long more = target - bytes;
    if (more <= 0) {
      return MemoryBudget.Outcome.GRANTED;
    }
    MemoryBudget.Outcome outcome = budget.reserve(tenant, more);
    while (outcome != MemoryBudget.Outcome.GRANTED) {
      if (!makeRoom.test(outcome == MemoryBudget.Outcome.TENANT_FULL ? tenant : null)) {
        return outcome;
      }
      outcome = budget.reserve(tenant, more);
    }
    bytes = target;
    return outcome;
  }

  /**
   * Makes the reservation what the holder now holds: gives back an excess, and counts a shortfall (an estimate
   * that fell short), which is never refused since the memory is already in use.
   */
  public void settle(MemoryBudget budget, long held) {
    if (held < bytes) {
      budget.release(tenant, bytes - held);
    } else {
      budget.force(tenant, held - bytes);
    }
    bytes = held;
  }

  /** Gives everything back: the holder is gone. */
  public void release(MemoryBudget budget) {
    budget.release(tenant, bytes);
    bytes = 0;
  }
}
