package io.anomalygateway.launcher;

import io.anomalygateway.gateway.MetricsEndpoint;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/**
 * One Prometheus registry per process, shared by Vert.x's own metrics (event bus, HTTP server, pools), the JVM's
 * and the verticles' meters (Micrometer's global registry), and served by the gateway at {@code /metrics}.
 */
final class Telemetry {

  /** Set to {@code off} to run without metrics (and without their cost). */
  static final String ENV_METRICS = "ANOMALY_METRICS";

  private static PrometheusMeterRegistry registry;

  private Telemetry() {
  }

  /**
   * Serves {@code GET /metrics} on a port of its own: for nodes without a gateway (detector, drift or alerts only),
   * which have no HTTP server otherwise: the gateway's own endpoint, on a bare HTTP server.
   *
   * @return the port it listens on
   */
  static Future<Integer> serve(Vertx vertx, String host, int port) {
    return vertx.createHttpServer().requestHandler(MetricsEndpoint.router(vertx)).listen(port, host)
        .map(HttpServer::actualPort);
  }

  /**
   * @param options the node's options (event bus settings in clustered mode)
   * @return a Vert.x builder whose metrics go to the process's Prometheus registry
   */
  static synchronized VertxBuilder builder(VertxOptions options) {
    if ("off".equals(System.getenv(ENV_METRICS))) {
      return Vertx.builder().with(options);
    }
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
