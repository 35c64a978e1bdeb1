package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Endpoints;
import io.anomalygateway.gateway.security.Authenticator;
import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.runtime.capacity.CapacityOptions;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.TopicEvents;
import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.config.Settings;
import io.anomalygateway.gateway.security.SecurityOptions;
import io.anomalygateway.protocol.wire.RequestReader;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gateway: the raw WebSocket endpoint, the SockJS event-bus bridge, the dashboard, the health endpoint, the
 * registry of connections and their topic subscriptions. It never calls detection code: every sample crosses the
 * event bus to the detector verticle.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GatewayVerticle.class);

  /** A draining connection closes after this long without a message, once all it sent is answered. */
  private static final long QUIET_NANOS = 100_000_000L;

  private static final String REGISTRIES = "io.anomalygateway.gateway.registries";

  private final Set<Connection> connections = new HashSet<>();
  private GatewayOptions options;
  private Gateway gateway;
  private HttpServer server;
  private long sweeper;
  private long statsTimer;
  private InstanceDirectory directory;
  private volatile boolean shuttingDown;
  private GatewayMeters meters;
  private Circuits circuits;
  private TcpBridge tcpBridge;
  private int tcpPort;

  @Override
  public Future<?> start() {
    options = Settings.read(config(), "gateway", GatewayOptions.class);
    SecurityOptions security = Settings.read(config(), "security", SecurityOptions.class);
    ClusterOptions cluster = Settings.read(config(), "cluster", ClusterOptions.class);
    BusCodecs.register(vertx);
    CapacityOptions capacity = Settings.read(config(), "capacity", CapacityOptions.class);
    ConnectionRegistry registry = vertx.sharedData().<String, ConnectionRegistry>getLocalMap(REGISTRIES)
        .computeIfAbsent(context.deploymentID(), id -> new ConnectionRegistry(options.maxConnections(),
            security, capacity, capacity.requestBudget(vertx)));
    TopicRouter topics = new TopicRouter(options.topicHistorySize(), options.topicHistoryAge());
    TrafficMeter traffic = new TrafficMeter();
    directory = new InstanceDirectory(vertx, cluster);
    SessionRouter sessionRouter = new SessionRouter(vertx.eventBus(), directory,
        Math.max(1L, options.requestTimeout().toMillis()), cluster.requestAttempts(),
        circuits = new Circuits(vertx, Settings.read(config(), "circuit", CircuitOptions.class)));
    DetectorClient detector = new DetectorClient(sessionRouter);
    meters = new GatewayMeters(registry::activeConnections);
    GatewayMeters.watch(registry.requests(), capacity.stateBudget(vertx));
    RequestHandler handler = new RequestHandler(detector, registry, topics, traffic, meters,
        options.maxBatchSize());
    gateway = new Gateway(vertx, options, security, cluster, options.connectionDefaults(), registry, new RequestReader(options.readLimits()),
        handler, topics,
        traffic, new Authenticator(vertx, security), meters);
    EventBusBridge bridge = new EventBusBridge(gateway);
    meters.countBridgeSockets(bridge::sockets);

    Router router = Router.router(vertx);
    router.get(Endpoints.HEALTH).handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("status", "UP").put("connections", registry.activeConnections()).encode()));
    MetricsEndpoint.mount(router);
    router.get(Endpoints.READY).handler(Readiness.handler(vertx, cluster, directory, detector,
        () -> shuttingDown, capacity.readyHeapFraction()));
    router.get(Endpoints.STREAMING_ROUTE).handler(new StreamingEndpoint(gateway, connections::add)::handle);
    router.get(Endpoints.ACCESS).handler(new AccessEndpoint(gateway)::handle);
    router.route(Endpoints.EVENT_BUS).subRouter(bridge.router());
    router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));

    long sweepMillis = Math.max(100L, Math.min(5_000L, options.connectionTimeout().toMillis() / 4));
    sweeper = vertx.setPeriodic(sweepMillis, id -> closeIdleConnections());
    statsTimer = vertx.setPeriodic(Math.max(100L, options.statsInterval().toMillis()),
        id -> publishStats());
    MessageConsumer<String> echo = vertx.eventBus().localConsumer(Addresses.GATEWAY_READINESS,
        message -> message.reply("pong"));
    TcpBridgeOptions tcpOptions = Settings.read(config(), "tcp_bridge", TcpBridgeOptions.class);
    return Future.all(List.of(directory.start(), topics.start(vertx), bridge.start(), echo.completion()))
        .compose(v -> vertx.createHttpServer(httpOptions()).requestHandler(router)
            .listen(options.port(), options.host()))
        .onSuccess(listening -> server = listening)
        .compose(v -> tcpOptions.enabled() ? startTcpBridge(tcpOptions) : Future.succeededFuture());
  }

  /** The TCP event-bus bridge, when configured; its port goes into this verticle's log line and {@link #tcpPort}. */
  private Future<Void> startTcpBridge(TcpBridgeOptions tcpOptions) {
    tcpBridge = new TcpBridge(gateway, tcpOptions);
    return tcpBridge.start().onSuccess(port -> {
      tcpPort = port;
      LOG.info("TCP event-bus bridge listening on {}:{}", tcpOptions.host(), port);
    }).mapEmpty();
  }

  /** @return the TCP event-bus bridge's port, or 0 when it is off */
  public int tcpPort() {
    return tcpPort;
  }

  private HttpServerOptions httpOptions() {
    return new HttpServerOptions()
        .setMaxWebSocketFrameSize(options.maxMessageSize())
        .setMaxWebSocketMessageSize(options.maxMessageSize())
        // Compressed frames would let a small message inflate past the size limit.
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(false);
  }

  private void closeIdleConnections() {
    connections.removeIf(Connection::isClosed);
    gateway.registry().admission().prune(System.nanoTime());
    long deadline = System.nanoTime() - options.connectionTimeout().toNanos();
    for (Connection connection : List.copyOf(connections)) {
      if (connection.isIdleSince(deadline)) {
        connection.close(WebSocketCloseStatus.NORMAL_CLOSURE, "idle timeout");
      }
    }
  }

  /** Every {@code stats_interval}: one event for this gateway and one per session it served in the interval. */
  private void publishStats() {
    ConnectionRegistry registry = gateway.registry();
    gateway.traffic().drain((sessionId, traffic) -> {
      if (sessionId == null) {
        traffic.put("node", context.deploymentID())
            .put("connections", new JsonObject()
                .put("active", registry.activeConnections())
                .put("max", registry.maxConnections())
                .put("sessions", registry.activeSessions()))
            .put("dropped_events", registry.dropped())
            .put("rate_limited", registry.rateLimited());
      } else {
        traffic.put("clients", registry.session(sessionId).size());
      }
      TopicEvents.publish(vertx.eventBus(), Topic.STATS, TopicEvents.stats(sessionId, traffic));
    });
  }

  /**
   * Shuts down gracefully: readiness turns 503 and new connections are refused; requests go on being answered (those
   * on the wire when the drain began too), and every connection is closed with 1001 (so that clients reconnect
   * elsewhere) once all it sent is answered and it was quiet for a moment since the drain began. After
   * {@code shutdown_timeout}, requests that still arrive are answered {@code SHUTTING_DOWN} and connections are
   * closed as soon as what they sent is answered; a request still being scored is waited for up to
   * {@code request_timeout}. Frames that arrive after a connection's close are not processed. Then the server
   * stops listening.
   */
  @Override
  public Future<?> stop() {
    shuttingDown = true;
    gateway.registry().stopAdmitting();
    vertx.cancelTimer(sweeper);
    vertx.cancelTimer(statsTimer);
    Promise<Void> drained = Promise.promise();
    long started = System.nanoTime();
    long force = started + options.shutdownTimeout().toNanos();
    long deadline = force + options.requestTimeout().toNanos();
    vertx.setPeriodic(1, 20, timer -> {
      long now = System.nanoTime();
      if (now > force) {
        gateway.registry().stopServing();
      }
      connections.removeIf(connection -> connection.drainedAt(now, started, QUIET_NANOS, now > force));
      if (connections.isEmpty() || now > deadline) {
        vertx.cancelTimer(timer);
        drained.complete();
      }
    });
    return drained.future().compose(v -> {
      for (Connection connection : List.copyOf(connections)) {
        connection.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "server shutting down");
      }
      connections.clear();
      directory.stop();
      meters.close();
      circuits.close();
      return Future.all(gateway.topics().stop(), server == null ? Future.succeededFuture() : server.close(),
          tcpBridge == null ? Future.succeededFuture() : tcpBridge.stop());
    });
  }

  /** @return this gateway's deployment, to undeploy it first at shutdown so that it drains while detectors serve */
  public String deploymentId() {
    return context.deploymentID();
  }

  /** @return the port the gateway listens on (the chosen one when configured with port 0) */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }
}
