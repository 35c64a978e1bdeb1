package io.anomalygateway.gateway;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.runtime.capacity.MemoryBudget;
import io.anomalygateway.protocol.RequestType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * The gateway's own meters, on Micrometer's global registry (the launcher adds the Prometheus registry to it; in
 * a process without one they cost next to nothing). Names follow Prometheus conventions once exported:
 * {@code anomaly_messages_total}, {@code anomaly_request_duration_seconds}, ...
 */
final class GatewayMeters {

  private final MeterRegistry registry = Metrics.globalRegistry;
  private final Map<RequestType, Counter> received = new EnumMap<>(RequestType.class);
  private final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);
  private final Counter responses;
  private final Counter events;
  private final Counter rateLimited;
  private final Counter dropped;
  private final Timer latency;

  /** Every gateway instance of this process adds its connection counts; the gauges sum them. */
  private static final Set<IntSupplier> WEBSOCKETS = ConcurrentHashMap.newKeySet();
  private static final Set<IntSupplier> BRIDGES = ConcurrentHashMap.newKeySet();
  /** The gauges sum every instance's sources: registered once per process (a second registration is a warning). */
  private static final AtomicBoolean GAUGES = new AtomicBoolean();
  private static final AtomicBoolean BUDGETS = new AtomicBoolean();

  private final IntSupplier webSockets;
  private IntSupplier bridges = () -> 0;

  GatewayMeters(IntSupplier webSocketConnections) {
    this.webSockets = webSocketConnections;
    WEBSOCKETS.add(webSockets);
    for (RequestType type : RequestType.values()) {
      received.put(type, Counter.builder("anomaly.messages").description("Messages, by type and direction")
          .tag("direction", "in").tag("type", type.wireName()).register(registry));
    }
    for (ErrorCode code : ErrorCode.values()) {
      errors.put(code, Counter.builder("anomaly.errors").description("Error answers, by protocol error code")
          .tag("code", code.code()).register(registry));
    }
    responses = Counter.builder("anomaly.messages").tag("direction", "out").tag("type", "response")
        .register(registry);
    events = Counter.builder("anomaly.messages").tag("direction", "out").tag("type", "event").register(registry);
    rateLimited = Counter.builder("anomaly.rate.limited").description("Messages refused by a rate limit")
        .register(registry);
    dropped = Counter.builder("anomaly.dropped.events").description("Topic events dropped for slow readers")
        .register(registry);
    latency = Timer.builder("anomaly.request.duration")
        .description("Time from a scoring request's arrival to its answer")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(50_000))
        .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    if (GAUGES.compareAndSet(false, true)) {
      Gauge.builder("anomaly.connections", WEBSOCKETS, GatewayMeters::sum).description("Open connections, by transport")
          .tag("transport", "websocket").register(registry);
      Gauge.builder("anomaly.connections", BRIDGES, GatewayMeters::sum).tag("transport", "sockjs").register(registry);
    }
  }

  /**
   * Shows the process's memory budgets: {@code anomaly_capacity_used_bytes} and {@code anomaly_capacity_limit_bytes}
   * by budget, and {@code anomaly_capacity_refusals_total} by budget and by whose limit refused (node or tenant).
   * Registered once per process, like the budgets themselves.
   */
  static void watch(MemoryBudget... budgets) {
    if (!BUDGETS.compareAndSet(false, true)) {
      return;
    }
    MeterRegistry global = Metrics.globalRegistry;
    for (MemoryBudget budget : budgets) {
      Gauge.builder("anomaly.capacity.used", budget, MemoryBudget::used).baseUnit("bytes")
          .description("Bytes reserved from a memory budget").tag("budget", budget.name()).register(global);
      Gauge.builder("anomaly.capacity.limit", budget, MemoryBudget::limit).baseUnit("bytes")
          .description("A memory budget's size").tag("budget", budget.name()).register(global);
      FunctionCounter.builder("anomaly.capacity.refusals", budget, MemoryBudget::nodeRefusals)
          .description("Reservations refused, by budget and limit").tag("budget", budget.name())
          .tag("limit", "node").register(global);
      FunctionCounter.builder("anomaly.capacity.refusals", budget, MemoryBudget::tenantRefusals)
          .tag("budget", budget.name()).tag("limit", "tenant").register(global);
    }
  }

  private static double sum(Set<IntSupplier> sources) {
    return sources.stream().mapToInt(IntSupplier::getAsInt).sum();
  }

  /** Counts this gateway's event-bus bridge sockets too. */
  void countBridgeSockets(IntSupplier sockets) {
    bridges = sockets;
    BRIDGES.add(sockets);
  }

  /** This gateway instance stopped: its connections no longer count. */
  void close() {
    WEBSOCKETS.remove(webSockets);
    BRIDGES.remove(bridges);
  }

  void received(RequestType type) {
    received.get(type).increment();
  }

  void error(ErrorCode code) {
    errors.get(code).increment();
  }

  void response() {
    responses.increment();
  }

  void event() {
    events.increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }

  void dropped() {
    dropped.increment();
  }

  void answered(long receivedAtNanos) {
    latency.record(System.nanoTime() - receivedAtNanos, TimeUnit.NANOSECONDS);
  }
}
