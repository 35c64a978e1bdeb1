package io.anomalygateway.gateway;

import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.protocol.wire.RequestReader;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.util.HashSet;
import java.util.Set;

/**
 * The gateway: the raw WebSocket endpoint, the health endpoint, and the registry of connections. It never calls
 * detection code: every sample crosses the event bus to the detector verticle.
 */
public final class GatewayVerticle extends VerticleBase {

  /** The health endpoint. */
  public static final String HEALTH_PATH = "/api/v1/streaming/health";

  private static final String REGISTRIES = "io.anomalygateway.gateway.registries";

  private final Set<Connection> connections = new HashSet<>();
  private GatewayOptions options;
  private HttpServer server;
  private long sweeper;

  @Override
  public Future<?> start() {
    options = new GatewayOptions(config());
    BusCodecs.register(vertx);
    ConnectionRegistry registry = vertx.sharedData().<String, ConnectionRegistry>getLocalMap(REGISTRIES)
        .computeIfAbsent(context.deploymentID(), id -> new ConnectionRegistry(options.getMaxConnections()));
    RequestHandler handler = new RequestHandler(new DetectorClient(vertx.eventBus(), options.getRequestTimeout()),
        registry, options.getMaxBatchSize());
    Gateway gateway = new Gateway(vertx, options, registry, new RequestReader(options.readLimits()), handler);

    Router router = Router.router(vertx);
    router.get(HEALTH_PATH).handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("status", "UP").put("connections", registry.activeConnections()).encode()));
    router.get(StreamingEndpoint.PATH).handler(new StreamingEndpoint(gateway, connections::add)::handle);

    long sweepMillis = Math.max(100L, Math.min(5_000L, Math.round(options.getConnectionTimeout() * 250)));
    sweeper = vertx.setPeriodic(sweepMillis, id -> closeIdleConnections());
    return vertx.createHttpServer(httpOptions()).requestHandler(router)
        .listen(options.getPort(), options.getHost())
        .onSuccess(listening -> server = listening);
  }

  private HttpServerOptions httpOptions() {
    return new HttpServerOptions()
        .setMaxWebSocketFrameSize(options.getMaxMessageSize())
        .setMaxWebSocketMessageSize(options.getMaxMessageSize())
        // Compressed frames would let a small message inflate past the size limit.
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(false);
  }

  private void closeIdleConnections() {
    connections.removeIf(Connection::isClosed);
    long deadline = System.nanoTime() - Math.round(options.getConnectionTimeout() * 1e9);
    for (Connection connection : connections) {
      if (connection.isIdleSince(deadline)) {
        connection.close(Connection.NORMAL, "idle timeout");
      }
    }
  }

  /** Says goodbye to every client with status 1001, so that they reconnect elsewhere, then stops listening. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweeper);
    for (Connection connection : connections) {
      connection.close(Connection.GOING_AWAY, "server shutting down");
    }
    connections.clear();
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** @return the port the gateway listens on (the chosen one when configured with port 0) */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }
}
