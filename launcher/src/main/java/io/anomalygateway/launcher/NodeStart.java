package io.anomalygateway.launcher;

import io.anomalygateway.gateway.GatewayVerticle;
import io.anomalygateway.gateway.security.Role;
import io.anomalygateway.gateway.security.TokenIssuer;
import io.anomalygateway.launcher.offline.DriftEvaluationCommand;
import io.anomalygateway.launcher.offline.NabCommand;
import io.anomalygateway.launcher.offline.ScoreCommand;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the whole system in one JVM on the local event bus: {@code java -jar anomaly-gateway.jar}.
 */
public final class Main {

  /** The session of the dashboard URL printed at start, which the printed viewer token may watch. */
  private static final String DEMO_SESSION = "demo";

  private Main() {
  }

  /**
   * @param args {@code [--port N] [--host H] [--config FILE]}, or {@code score ...}
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
      System.out.println(LaunchOptions.USAGE);
      return;
    }
    if (args.length > 0 && "score".equals(args[0])) {
      System.exit(ScoreCommand.run(Arrays.copyOfRange(args, 1, args.length),
          Configuration.defaults().getJsonObject("detector"), System.out));
    }
    if (args.length > 0 && "token".equals(args[0])) {
      System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
    }
    if (args.length > 0 && "drift-eval".equals(args[0])) {
      System.exit(DriftEvaluationCommand.run(Arrays.copyOfRange(args, 1, args.length), Configuration.defaults(),
          System.out));
    }
    if (args.length > 0 && "nab".equals(args[0])) {
      System.exit(NabCommand.run(Arrays.copyOfRange(args, 1, args.length),
          Configuration.defaults().getJsonObject("detector"), System.out));
    }
    JsonObject config;
    boolean generatedSecret;
    LaunchOptions launch;
    try {
      launch = LaunchOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LaunchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (launch.jsonLogs()) {
      // Before the first logger exists: Logback reads this once, when it starts.
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    try {
      config = Configuration.load(launch.configFile());
      JsonObject gateway = config.getJsonObject("gateway", new JsonObject());
      if (launch.port() != null) {
        gateway.put("port", launch.port());
      }
      if (launch.host() != null) {
        gateway.put("host", launch.host());
      }
      config.put("gateway", gateway);
      JsonObject security = config.getJsonObject("security", new JsonObject());
      config.put("security", security);
      if (launch.noAuth()) {
        if (!Secrets.isLoopback(gateway.getString("host", "0.0.0.0"))) {
          throw new IllegalArgumentException("--no-auth is refused unless the server is bound to a loopback "
              + "address: add --host 127.0.0.1");
        }
        security.put("auth_enabled", false);
      }
      generatedSecret = Secrets.resolve(security, true);
    } catch (IllegalArgumentException e) {
      System.err.println("Not started: " + e.getMessage());
      System.exit(2);
      return;
    }
    start(launch, config, generatedSecret);
  }

  private static void start(LaunchOptions launch, JsonObject config, boolean generatedSecret) {
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
    JsonObject gatewaySection = config.getJsonObject("gateway", new JsonObject());
    double shutdownTimeout = gatewaySection.getDouble("shutdown_timeout", 10.0);
    double requestTimeout = gatewaySection.getDouble("request_timeout", 30.0);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(vertx, gateway, shutdownTimeout,
        requestTimeout), "anomaly-gateway-shutdown"));
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
  private static void shutDown(Vertx vertx, GatewayVerticle gateway, double shutdownTimeout,
                               double requestTimeout) {
    long millis = Math.round((shutdownTimeout + requestTimeout) * 1000);
    try {
      if (gateway != null) {
        // The drain refuses new requests at once, but answers in flight may take up to the request timeout.
        vertx.undeploy(gateway.deploymentId()).await(millis + 2_000, TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      System.err.println("The gateway did not drain cleanly: " + e.getMessage());
    } finally {
      try {
        vertx.close().await(Math.round(shutdownTimeout * 1000) + 5_000, TimeUnit.MILLISECONDS);
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
    System.out.println("  stream:  ws://" + shown + ":" + port + "/api/v1/streaming/enhanced/{session_id}");
    System.out.println("  health:  http://" + shown + ":" + port + GatewayVerticle.HEALTH_PATH);
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
