package io.anomalygateway.runtime.capacity;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * How much of the process a request, a session and a token may take: the {@code capacity} section of the
 * configuration, handed to every verticle. Budgets of 0 are derived from the JVM's maximum heap when read.
 *
 * @param stateBudget bytes of detector and drift session state per process; 0 for half the maximum heap
 * @param requestBudget bytes of requests being parsed or in flight per gateway process; 0 for a quarter of the heap
 * @param tokenShare the fraction of each budget one token may hold, so that one tenant cannot take the server
 * @param newSessionsPerMinute sessions one token may open per minute
 * @param evictionIdle seconds a session must have been idle before it is evicted to make room under pressure
 * @param readyHeapFraction {@code /ready} fails while the heap is fuller than this after a collection
 */
public record CapacityOptions(long stateBudget, long requestBudget, double tokenShare, int newSessionsPerMinute,
                              double evictionIdle, double readyHeapFraction) {

  /** The name of the state budget. */
  public static final String STATE = "state";
  /** The name of the request budget. */
  public static final String REQUESTS = "requests";

  /** Validates each setting, naming it and its value. */
  public CapacityOptions {
    if (stateBudget < 0 || requestBudget < 0) {
      throw new IllegalArgumentException("capacity.state_budget and capacity.request_budget must be 0 (derived "
          + "from the heap) or a number of bytes, got " + stateBudget + " and " + requestBudget);
    }
    if (!(tokenShare > 0 && tokenShare <= 1)) {
      throw new IllegalArgumentException("capacity.token_share must be in (0, 1], got " + tokenShare);
    }
    if (newSessionsPerMinute < 1) {
      throw new IllegalArgumentException("capacity.new_sessions_per_minute must be at least 1, got "
          + newSessionsPerMinute);
    }
    if (!(evictionIdle >= 0)) {
      throw new IllegalArgumentException("capacity.eviction_idle must be 0 or more seconds, got " + evictionIdle);
    }
    if (!(readyHeapFraction > 0 && readyHeapFraction <= 1)) {
      throw new IllegalArgumentException("capacity.ready_heap_fraction must be in (0, 1], got "
          + readyHeapFraction);
    }
  }

  /**
   * @param json the {@code capacity} section, or {@code null}; absent keys keep the defaults of
   *     {@code config/anomaly-gateway.json}
   * @return the options
   */
  public static CapacityOptions fromJson(JsonObject json) {
    JsonObject section = json == null ? new JsonObject() : json;
    return new CapacityOptions(section.getLong("state_budget", 0L), section.getLong("request_budget", 0L),
        section.getDouble("token_share", 0.25), section.getInteger("new_sessions_per_minute", 600),
        section.getDouble("eviction_idle", 10.0), section.getDouble("ready_heap_fraction", 0.9));
  }

  /** @return the state budget of this process, in bytes */
  public long stateBytes() {
    return stateBudget > 0 ? stateBudget : Runtime.getRuntime().maxMemory() / 2;
  }

  /** @return the request budget of this process, in bytes */
  public long requestBytes() {
    return requestBudget > 0 ? requestBudget : Runtime.getRuntime().maxMemory() / 4;
  }

  /** @return the process's state budget, shared by its detector and drift instances */
  public MemoryBudget stateBudget(Vertx vertx) {
    long limit = stateBytes();
    return MemoryBudget.of(vertx, STATE, limit, Math.round(limit * tokenShare));
  }

  /** @return the process's request budget, shared by its gateway instances */
  public MemoryBudget requestBudget(Vertx vertx) {
    long limit = requestBytes();
    return MemoryBudget.of(vertx, REQUESTS, limit, Math.round(limit * tokenShare));
  }

  /** @return nanoseconds a session must be idle to be evicted under pressure */
  public long evictionIdleNanos() {
    return Math.round(evictionIdle * 1e9);
  }
}
