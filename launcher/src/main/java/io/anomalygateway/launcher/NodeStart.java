package io.anomalygateway.launcher;

import io.anomalygateway.gateway.GatewayOptions;
import io.anomalygateway.gateway.GatewayVerticle;
import io.anomalygateway.gateway.security.Role;
import io.anomalygateway.gateway.security.TokenIssuer;
import io.anomalygateway.protocol.Endpoints;
import io.anomalygateway.runtime.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a node once its command line and configuration are read: Vert.x alone or joined to the cluster, the
 * verticles of its roles, {@code /metrics} on a port of its own when asked, a shutdown hook that drains, and the
 * lines an operator needs (endpoints, and tokens for a first start).
 */
final class NodeStart {

  /** The session of the dashboard URL printed at start, which the printed viewer token may watch. */
  private static final String DEMO_SESSION = "demo";

  private NodeStart() {
  }

  /**
   * @param launch the command line
   * @param config the effective configuration, secret resolved
   * @param generatedSecret whether the secret was generated for this run
   */
  static void start(LaunchOptions launch, JsonObject config, boolean generatedSecret) {
    Vertx vertx;
    try {
      vertx = startVertx(launch, config);
    } catch (Exception e) {
      System.err.println("Could not join the cluster: " + e.getMessage());
      System.exit(1);
      return;
    }
    GatewayVerticle gateway;
    try {
      gateway = Deployment.deploy(vertx, config, launch.roles(), launch.instances()).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("Could not start: " + e.getMessage());
      vertx.close();
      System.exit(1);
      return;
    }
    GatewayOptions timers = Settings.read(config, "gateway", GatewayOptions.class);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(vertx, gateway, timers.shutdownTimeout(),
        timers.requestTimeout()), "anomaly-gateway-shutdown"));
    if (launch.cluster() != null) {
      System.out.println("Cluster node " + config.getJsonObject("cluster").getString("node_id") + " joined "
          + launch.cluster().name() + " with roles " + NodeRole.names(launch.roles()));
    }
    if (launch.metricsPort() != null) {
      String host = config.getJsonObject("gateway").getString("host", "0.0.0.0");
      try {
        int port = Telemetry.serve(vertx, host, launch.metricsPort()).await(10, TimeUnit.SECONDS);
        System.out.println("Metrics on http://" + host + ":" + port + "/metrics");
      } catch (Exception e) {
        System.err.println("Could not serve metrics: " + e.getMessage());
      }
    }
    if (gateway != null) {
      printEndpoints(vertx, config, gateway, generatedSecret);
    }
  }

  /**
   * On SIGTERM: the gateway drains first (answers what is in flight, closes clients with 1001) while the detectors
   * still serve; then every other verticle stops (detectors hand their sessions over with a last snapshot) and the
   * node leaves its cluster.
   */
  private static void shutDown(Vertx vertx, GatewayVerticle gateway, Duration shutdownTimeout,
                               Duration requestTimeout) {
    long millis = shutdownTimeout.plus(requestTimeout).toMillis();
    try {
      if (gateway != null) {
        // The drain refuses new requests at once, but answers in flight may take up to the request timeout.
        vertx.undeploy(gateway.deploymentId()).await(millis + 2_000, TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      System.err.println("The gateway did not drain cleanly: " + e.getMessage());
    } finally {
      try {
        vertx.close().await(shutdownTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        System.err.println("Shutdown did not finish cleanly: " + e.getMessage());
      }
    }
  }

  /** Alone on the local event bus, or joined to the cluster with this node's id handed to every verticle. */
  private static Vertx startVertx(LaunchOptions launch, JsonObject config) throws Exception {
    if (launch.cluster() == null) {
      return Telemetry.builder(new VertxOptions()).build();
    }
    ClusterNode.Joined joined = ClusterNode.join(launch.cluster()).await(120, TimeUnit.SECONDS);
    JsonObject cluster = config.getJsonObject("cluster", new JsonObject());
    config.put("cluster", cluster.put("node_id", joined.nodeId()));
    return joined.vertx();
  }

  private static void printEndpoints(Vertx vertx, JsonObject config, GatewayVerticle gateway,
                                     boolean generatedSecret) {
    String host = config.getJsonObject("gateway").getString("host", "0.0.0.0");
    String shown = "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    int port = gateway.actualPort();
    System.out.println("Anomaly gateway listening on http://" + shown + ":" + port + " (bound to " + host + ")");
    System.out.println("  stream:  ws://" + shown + ":" + port + Endpoints.STREAMING_PREFIX + "{session_id}");
    System.out.println("  health:  http://" + shown + ":" + port + Endpoints.HEALTH);
    printTokens(vertx, config.getJsonObject("security"), "http://" + shown + ":" + port, generatedSecret);
  }

  /** Like a notebook server: ready-to-use tokens, so that the first start needs no setup and stays secure. */
  private static void printTokens(Vertx vertx, JsonObject security, String url, boolean generatedSecret) {
    if (!security.getBoolean("auth_enabled", true)) {
      System.out.println("  authentication is OFF (--no-auth): anyone on this machine may connect");
      return;
    }
    String secret = security.getString("jwt_secret");
    if (secret == null) {
      return;
    }
    TokenIssuer issuer = new TokenIssuer(vertx, secret);
    System.out.println("  producer token (any session, 24 h): "
        + issuer.mint("producer", Role.PRODUCER, null, 86_400));
    System.out.println("  dashboard (viewer of session demo, 24 h):  " + url + "/?session=" + DEMO_SESSION
        + "&token=" + issuer.mint("viewer", Role.VIEWER, List.of(DEMO_SESSION), 86_400));
    if (generatedSecret) {
      System.out.println("  (a secret was generated for this run; set " + Secrets.ENVIRONMENT + " to keep tokens "
          + "valid across restarts)");
    }
  }
}
