package io.anomalygateway.launcher;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/**
 * One Prometheus registry per process, shared by Vert.x's own metrics (event bus, HTTP server, pools), the JVM's
 * and the verticles' meters (Micrometer's global registry), and served by the gateway at {@code /metrics}.
 */
final class Telemetry {

  private static PrometheusMeterRegistry registry;

  private Telemetry() {
  }

  /**
   * @param options the node's options (event bus settings in clustered mode)
   * @return a Vert.x builder whose metrics go to the process's Prometheus registry
   */
  static synchronized VertxBuilder builder(VertxOptions options) {
    if (registry == null) {
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Metrics.addRegistry(registry);
    }
    options.setMetricsOptions(new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setJvmMetricsEnabled(true)
        .setEnabled(true));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry));
  }
}
