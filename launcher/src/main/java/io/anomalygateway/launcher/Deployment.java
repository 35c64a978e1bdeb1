package io.anomalygateway.launcher;

import io.anomalygateway.alerts.AlertsVerticle;
import io.anomalygateway.detector.DetectorVerticle;
import io.anomalygateway.drift.DriftVerticle;
import io.anomalygateway.gateway.GatewayVerticle;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Deploys a node's verticles: the detector, the drift monitor and the alerts as worker verticles first, so that the
 * gateway's first request finds them, then the gateway. Each gets the whole configuration and reads the sections it
 * needs into their settings records.
 */
public final class Deployment {

  private Deployment() {
  }

  /**
   * Every role, one instance each: the all-in-one mode.
   *
   * @param vertx the Vert.x instance
   * @param config the whole configuration; each verticle reads the sections it needs
   * @return the deployed gateway, to read its port from
   */
  public static Future<GatewayVerticle> embedded(Vertx vertx, JsonObject config) {
    return deploy(vertx, config, EnumSet.allOf(NodeRole.class), Map.of());
  }

  /**
   * @param roles the roles of this node
   * @param instances instances per worker role (1 when absent)
   * @return the deployed gateway, or {@code null} when the node has no gateway role
   */
  static Future<GatewayVerticle> deploy(Vertx vertx, JsonObject config, Set<NodeRole> roles,
                                        Map<NodeRole, Integer> instances) {
    Future<String> workers = Future.succeededFuture();
    workers = worker(vertx, workers, config, roles, instances, NodeRole.DETECTOR, DetectorVerticle::new);
    workers = worker(vertx, workers, config, roles, instances, NodeRole.DRIFT, DriftVerticle::new);
    workers = worker(vertx, workers, config, roles, instances, NodeRole.ALERTS, AlertsVerticle::new);
    if (!roles.contains(NodeRole.GATEWAY)) {
      return workers.map(id -> null);
    }
    GatewayVerticle gateway = new GatewayVerticle();
    return workers.compose(id -> gateway(vertx, config, gateway)).map(id -> gateway);
  }

  /**
   * Deploys a gateway verticle alone, with the whole configuration.
   *
   * @return the deployment id, to undeploy it again (a gateway restart)
   */
  static Future<String> gateway(Vertx vertx, JsonObject config, GatewayVerticle gateway) {
    return vertx.deployVerticle(gateway, new DeploymentOptions().setConfig(config.copy()));
  }

  private static Future<String> worker(Vertx vertx, Future<String> before, JsonObject config, Set<NodeRole> roles,
                                       Map<NodeRole, Integer> instances, NodeRole role,
                                       Supplier<? extends Deployable> verticle) {
    if (!roles.contains(role)) {
      return before;
    }
    DeploymentOptions options = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)
        .setInstances(instances.getOrDefault(role, 1)).setConfig(config.copy());
    return before.compose(id -> vertx.deployVerticle(verticle, options));
  }
}
