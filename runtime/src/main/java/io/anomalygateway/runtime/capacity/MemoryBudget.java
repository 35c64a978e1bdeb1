package io.anomalygateway.runtime.capacity;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A byte budget that every component of a process draws from <em>before</em> it allocates, so that a request that
 * would not fit is refused instead of running the heap out. One per Vert.x instance and name ({@link #of}), shared
 * by all verticles of the process (the detector and drift state budget, the gateway's request budget), and split
 * per tenant: one token may hold at most {@code tokenLimit} bytes of it.
 *
 * <p>Thread-safe and lock-free: verticles on different threads reserve and release concurrently. Reservations are
 * estimates from closed formulas of what the caller will allocate, never measurements of the heap.
 */
public final class MemoryBudget implements Shareable {

  /** What a reservation ran into. */
  public enum Outcome {
    /** Reserved. */
    GRANTED,
    /** The process's budget would be exceeded. */
    NODE_FULL,
    /** The tenant's share of the budget would be exceeded. */
    TENANT_FULL
  }

  private static final String MAP = "anomaly.capacity.budgets";

  private final String name;
  private final long limit;
  private final long tenantLimit;
  private final AtomicLong used = new AtomicLong();
  private final Map<String, AtomicLong> byTenant = new ConcurrentHashMap<>();
  private final LongAdder nodeRefusals = new LongAdder();
  private final LongAdder tenantRefusals = new LongAdder();

  private MemoryBudget(String name, long limit, long tenantLimit) {
    this.name = name;
    this.limit = limit;
    this.tenantLimit = tenantLimit;
  }

  /**
   * The process's budget of that name: created by the first caller with its limits, then shared.
   *
   * @param vertx the process's Vert.x instance
   * @param name which budget ({@code state}, {@code requests})
   * @param limit bytes the whole process may hold
   * @param tenantLimit bytes one tenant may hold
   * @return the budget
   */
  public static MemoryBudget of(Vertx vertx, String name, long limit, long tenantLimit) {
    return vertx.sharedData().<String, MemoryBudget>getLocalMap(MAP)
        .computeIfAbsent(name, n -> new MemoryBudget(n, limit, tenantLimit));
  }

  /**
   * A budget of its own, not shared: for tools and tests that replay sessions outside a server.
   *
   * @return a budget of {@code limit} bytes, {@code tenantLimit} per tenant
   */
  public static MemoryBudget standalone(String name, long limit, long tenantLimit) {
    return new MemoryBudget(name, limit, tenantLimit);
  }

  /**
   * Takes {@code bytes} from the budget if both the process's and the tenant's limits allow it; otherwise takes
   * nothing.
   *
   * @param tenant the token the bytes are for, or {@code null} where there are no tokens (authentication off)
   * @param bytes bytes about to be allocated; zero or less is always granted (and released when negative)
   * @return {@link Outcome#GRANTED}, or which limit refused
   */
  public Outcome reserve(String tenant, long bytes) {
    if (bytes <= 0) {
      release(tenant, -bytes);
      return Outcome.GRANTED;
    }
    AtomicLong mine = tenant == null ? null : byTenant.computeIfAbsent(tenant, t -> new AtomicLong());
    if (mine != null && mine.addAndGet(bytes) > tenantLimit) {
      mine.addAndGet(-bytes);
      tenantRefusals.increment();
      return Outcome.TENANT_FULL;
    }
    if (used.addAndGet(bytes) > limit) {
      used.addAndGet(-bytes);
      if (mine != null) {
        mine.addAndGet(-bytes);
      }
      nodeRefusals.increment();
      return Outcome.NODE_FULL;
    }
    return Outcome.GRANTED;
  }

  /**
   * Counts bytes that are already held although no reservation covered them (an estimate fell short), so that
   * the books stay right; never refused.
   */
  public void force(String tenant, long bytes) {
    if (bytes <= 0) {
      return;
    }
    used.addAndGet(bytes);
    if (tenant != null) {
      byTenant.computeIfAbsent(tenant, t -> new AtomicLong()).addAndGet(bytes);
    }
  }

  /** Gives back bytes an earlier {@link #reserve} took for the same tenant. */
  public void release(String tenant, long bytes) {
    if (bytes <= 0) {
      return;
    }
    used.addAndGet(-bytes);
    if (tenant != null) {
      byTenant.computeIfPresent(tenant, (t, held) -> held.addAndGet(-bytes) <= 0 ? null : held);
    }
  }

  /** @return the budget's name */
  public String name() {
    return name;
  }

  /** @return bytes the process may hold */
  public long limit() {
    return limit;
  }

  /** @return bytes one tenant may hold */
  public long tenantLimit() {
    return tenantLimit;
  }

  /** @return bytes held now */
  public long used() {
    return used.get();
  }

  /** @return bytes a tenant holds now */
  public long used(String tenant) {
    AtomicLong held = tenant == null ? null : byTenant.get(tenant);
    return held == null ? 0 : held.get();
  }

  /** @return reservations refused because the process's budget was full */
  public long nodeRefusals() {
    return nodeRefusals.sum();
  }

  /** @return reservations refused because a tenant's share was full */
  public long tenantRefusals() {
    return tenantRefusals.sum();
  }

  @Override
  public String toString() {
    return "MemoryBudget[" + name + ": " + used() + " of " + limit + " bytes]";
  }
}
