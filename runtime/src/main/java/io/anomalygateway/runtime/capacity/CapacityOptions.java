package io.anomalygateway.runtime.capacity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.anomalygateway.runtime.config.Fraction;
import io.anomalygateway.runtime.config.Settings;
import io.vertx.core.Vertx;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * How much of the process a request, a session and a token may take: the {@code capacity} section of the
 * configuration, handed to every verticle. Budgets of 0 are derived from the JVM's maximum heap when read.
 *
 * @param stateBudget bytes of detector and drift session state per process; 0 for half the maximum heap
 * @param requestBudget bytes of requests being parsed or in flight per gateway process; 0 for a quarter of the heap
 * @param tokenShare the fraction of each budget one token may hold, so that one tenant cannot take the server
 * @param newSessionsPerMinute sessions one token may open per minute
 * @param evictionIdle how long a session must have been idle before it is evicted to make room under pressure
 * @param readyHeapFraction {@code /ready} fails while the heap is fuller than this after a collection
 */
public record CapacityOptions(
    @JsonPropertyDescription("bytes of detector and drift session state per process; `0` for half the maximum heap")
    @Min(0) long stateBudget,
    @JsonPropertyDescription("bytes of requests being parsed or in flight per gateway process; `0` for a quarter of "
        + "the maximum heap")
    @Min(0) long requestBudget,
    @JsonPropertyDescription("share of each budget one token may hold, so that one tenant cannot take the server")
    @Fraction double tokenShare,
    @JsonPropertyDescription("sessions one token may open per minute")
    @Min(1) int newSessionsPerMinute,
    @JsonPropertyDescription("how long a session must have been idle before it is evicted to make room under "
        + "memory pressure")
    @DurationMin(millis = 0, message = "must not be negative") Duration evictionIdle,
    @JsonPropertyDescription("`/ready` fails while the heap is fuller than this share after a collection")
    @Fraction double readyHeapFraction) {

  /** The name of the state budget. */
  public static final String STATE = "state";
  /** The name of the request budget. */
  public static final String REQUESTS = "requests";

  /** @return the packaged defaults */
  public static CapacityOptions defaults() {
    return Settings.read(null, "capacity", CapacityOptions.class);
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
    return evictionIdle.toNanos();
  }
}
