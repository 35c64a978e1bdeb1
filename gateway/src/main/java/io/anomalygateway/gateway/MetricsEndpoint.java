package io.anomalygateway.gateway;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics}: this node's meters in Prometheus text format, from the Prometheus registry the launcher
 * added to Micrometer's global registry (Vert.x's own event-bus, HTTP and pool metrics, the JVM's, and ours).
 * Without one (a gateway embedded without metrics) it answers 404.
 */
final class MetricsEndpoint implements Handler<RoutingContext> {

  /** The metrics endpoint. */
  static final String PATH = "/metrics";

  private final Vertx vertx;

  MetricsEndpoint(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void handle(RoutingContext ctx) {
    PrometheusMeterRegistry prometheus = Metrics.globalRegistry.getRegistries().stream()
        .filter(PrometheusMeterRegistry.class::isInstance).map(PrometheusMeterRegistry.class::cast)
        .findFirst().orElse(null);
    if (prometheus == null) {
      ctx.response().setStatusCode(404).end("Metrics are not enabled in this process.");
      return;
    }
    // Formatting every meter is CPU work that grows with the number of meters: off the event loop.
    vertx.executeBlocking(prometheus::scrape, false).onComplete(done -> {
      if (done.failed()) {
        ctx.response().setStatusCode(500).end();
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
          .end(done.result());
    });
  }
}
