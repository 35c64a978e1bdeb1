package io.anomalygateway.runtime.worker;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.runtime.cluster.Service;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import java.util.EnumMap;
import java.util.Map;

/**
 * The meters every worker has, on Micrometer's global registry and tagged with the service:
 * {@code anomaly_worker_failures_total} by error code, and {@code anomaly_worker_idle_evictions_total}. Each
 * counter is looked up once, when the verticle starts, never per message. A worker's own meters (drifts detected,
 * alerts fired) are built with {@link #counter} and keep the names and tags dashboards already know.
 */
public final class WorkerMeters {

  private final Map<ErrorCode, Counter> failures = new EnumMap<>(ErrorCode.class);
  private final Counter idleEvictions;

  WorkerMeters(Service worker) {
    String service = worker.wireName();
    for (ErrorCode code : ErrorCode.values()) {
      failures.put(code, counter("anomaly.worker.failures", "Requests a worker answered with an error",
          "service", service, "code", code.code()));
    }
    idleEvictions = counter("anomaly.worker.idle.evictions", "Sessions or subjects a worker dropped for idleness",
        "service", service);
  }

  /**
   * @param name the meter's name, dot-separated
   * @param description what it counts
   * @param tags name and value pairs
   * @return the counter, registered once per process and tags
   */
  public Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(Metrics.globalRegistry);
  }

  void failed(ErrorCode code) {
    failures.get(code).increment();
  }

  void swept(int dropped) {
    idleEvictions.increment(dropped);
  }
}
