package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Endpoints;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * {@code GET /metrics}: this node's meters in Prometheus text format, served by vertx-micrometer-metrics'
 * {@link PrometheusScrapingHandler} from the Prometheus registry the launcher added to Micrometer's global registry
 * (Vert.x's own event-bus, HTTP and pool metrics, the JVM's, and ours). Without one (a gateway embedded without
 * metrics) it answers 404. The gateway routes it; a node without a gateway serves {@link #router} on a port of its
 * own.
 */
public final class MetricsEndpoint {

  private MetricsEndpoint() {
  }

  /**
   * Formatting every meter is CPU work that grows with the number of meters, so it runs as a blocking handler: on
   * a worker thread, never on the event loop.
   *
   * @param router where to route {@code GET /metrics}
   */
  static void mount(Router router) {
    PrometheusMeterRegistry prometheus = Metrics.globalRegistry.getRegistries().stream()
        .filter(PrometheusMeterRegistry.class::isInstance).map(PrometheusMeterRegistry.class::cast)
        .findFirst().orElse(null);
    if (prometheus == null) {
      router.get(Endpoints.METRICS).handler(ctx -> ctx.response().setStatusCode(404)
          .end("Metrics are not enabled in this process."));
    } else {
      router.get(Endpoints.METRICS).blockingHandler(PrometheusScrapingHandler.create(prometheus), false);
    }
  }

  /**
   * @param vertx the node's Vert.x
   * @return a router answering {@code GET /metrics} and nothing else, for nodes without a gateway
   */
  public static Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    mount(router);
    return router;
  }
}
