package io.anomalygateway.gateway;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /metrics}: this node's meters in Prometheus text format, from the Prometheus registry the launcher
 * added to Micrometer's global registry (Vert.x's own event-bus, HTTP and pool metrics, the JVM's, and ours).
 * Without one (a gateway embedded without metrics) it answers 404. The gateway routes it; a node without a gateway
 * serves it on a port of its own.
 */
public final class MetricsEndpoint implements Handler<HttpServerRequest> {

  /** The metrics endpoint. */
  public static final String PATH = "/metrics";

  private final Vertx vertx;

  /**
   * @param vertx where scraping runs (on a worker thread)
   */
  public MetricsEndpoint(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void handle(HttpServerRequest request) {
    PrometheusMeterRegistry prometheus = Metrics.globalRegistry.getRegistries().stream()
        .filter(PrometheusMeterRegistry.class::isInstance).map(PrometheusMeterRegistry.class::cast)
        .findFirst().orElse(null);
    if (prometheus == null) {
      request.response().setStatusCode(404).end("Metrics are not enabled in this process.");
      return;
    }
    // Formatting every meter is CPU work that grows with the number of meters: off the event loop.
    vertx.executeBlocking(prometheus::scrape, false).onComplete(done -> {
      if (done.failed()) {
        request.response().setStatusCode(500).end();
        return;
      }
      request.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
          .end(done.result());
    });
  }
}
