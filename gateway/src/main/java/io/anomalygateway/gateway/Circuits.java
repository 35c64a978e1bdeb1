package io.anomalygateway.gateway;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.runtime.cluster.Service;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One circuit breaker (vertx-circuit-breaker) per worker instance the gateway sends to: after {@code failures}
 * requests in a row that an instance failed or did not answer within {@code call_timeout}, its circuit opens, and
 * requests for its sessions are answered at once with {@code DETECTOR_UNAVAILABLE} (or {@code DRIFT_UNAVAILABLE})
 * and {@code retry_after_ms} instead of each waiting out the request timeout; after {@code reset_timeout} one
 * request probes it (half-open) and a success closes it. Client mistakes the instance reports are answers, not
 * failures. States and transitions go to the log and to {@code anomaly_circuit_transitions_total} and
 * {@code anomaly_circuits_open}.
 *
 * <p>Not thread-safe: the gateway verticle's context owns it.
 */
final class Circuits {

  private static final Logger LOG = LoggerFactory.getLogger(Circuits.class);
  private static final Set<Circuits> ALL = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean GAUGE = new AtomicBoolean();

  private final Vertx vertx;
  private final CircuitBreakerOptions options;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  /**
   * @param settings the {@code circuit} section of the configuration
   */
  Circuits(Vertx vertx, CircuitOptions settings) {
    this.vertx = vertx;
    this.options = new CircuitBreakerOptions().setMaxFailures(settings.failures())
        .setTimeout(settings.callTimeout().toMillis()).setResetTimeout(settings.resetTimeout().toMillis())
        .setNotificationAddress(null);
    ALL.add(this);
    if (GAUGE.compareAndSet(false, true)) {
      Gauge.builder("anomaly.circuits.open", ALL, all -> all.stream().mapToLong(Circuits::open).sum())
          .description("Circuits open to worker instances").register(Metrics.globalRegistry);
    }
  }

  /** @return the breaker of an instance, created closed on first use */
  CircuitBreaker of(Service service, String instance) {
    return breakers.computeIfAbsent(instance, id -> {
      String name = service.name().toLowerCase() + ":" + id;
      CircuitBreaker breaker = CircuitBreaker.create(name, vertx, options);
      breaker.openHandler(v -> transition(service, name, "open"))
          .halfOpenHandler(v -> transition(service, name, "half_open"))
          .closeHandler(v -> transition(service, name, "closed"));
      return breaker;
    });
  }

  /** @return how long a call to an instance may take before it counts as failed */
  long callTimeoutMillis() {
    return options.getTimeout();
  }

  /** The instance is gone: its breaker with it. */
  void forget(String instance) {
    CircuitBreaker breaker = breakers.remove(instance);
    if (breaker != null) {
      breaker.close();
    }
  }

  /**
   * @return the error a request gets when the breaker refused it: open circuits do not send, and say when to retry
   */
  ProtocolException refusal(Service service, Throwable failure) {
    if (failure instanceof OpenCircuitException) {
      ErrorCode code = service == Service.DRIFT ? ErrorCode.DRIFT_UNAVAILABLE : ErrorCode.DETECTOR_UNAVAILABLE;
      return new ProtocolException(new ProtocolError(code, "The " + service.name().toLowerCase()
          + " that owns this session is not answering; the request was not processed.",
          options.getResetTimeout()), null);
    }
    return new ProtocolException(ProtocolError.generic(ErrorCode.TIMEOUT), null);
  }

  /** Stops counting this gateway's circuits. */
  void close() {
    ALL.remove(this);
    breakers.values().forEach(CircuitBreaker::close);
    breakers.clear();
  }

  private long open() {
    return breakers.values().stream().filter(b -> b.state() == CircuitBreakerState.OPEN).count();
  }

  private static void transition(Service service, String name, String state) {
    Counter.builder("anomaly.circuit.transitions").description("Circuit breaker transitions, by service and state")
        .tag("service", service.name().toLowerCase()).tag("state", state).register(Metrics.globalRegistry)
        .increment();
    if ("open".equals(state)) {
      LOG.warn("Circuit {} opened: the instance failed or stalled; its requests are refused until a probe passes",
          name);
    } else {
      LOG.info("Circuit {} is {}", name, state.replace('_', '-'));
    }
  }
}
