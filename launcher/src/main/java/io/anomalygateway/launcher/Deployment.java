package io.anomalygateway.launcher;

import io.anomalygateway.alerts.AlertsVerticle;
import io.anomalygateway.detector.DetectorVerticle;
import io.anomalygateway.drift.DriftVerticle;
import io.anomalygateway.gateway.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Deploys the verticles of the all-in-one mode on one Vert.x instance: the detector, the drift monitor and the
 * alerts as worker verticles first, so that the gateway's first request finds them, then the gateway.
 */
public final class Deployment {

  private Deployment() {
  }

  /**
   * @param vertx the Vert.x instance
   * @param config the whole configuration; each verticle gets its own section
   * @return the deployed gateway, to read its port from
   */
  public static Future<GatewayVerticle> embedded(Vertx vertx, JsonObject config) {
    GatewayVerticle gateway = new GatewayVerticle();
    return vertx.deployVerticle(DetectorVerticle::new, worker(config, "detector"))
        .compose(id -> vertx.deployVerticle(DriftVerticle::new, worker(config, "drift")))
        .compose(id -> vertx.deployVerticle(AlertsVerticle::new, worker(config, "alerts")))
        .compose(id -> vertx.deployVerticle(gateway, new DeploymentOptions().setConfig(section(config, "gateway")
            .put("security", section(config, "security")))))
        .map(id -> gateway);
  }

  private static DeploymentOptions worker(JsonObject config, String section) {
    return new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setConfig(section(config, section));
  }

  private static JsonObject section(JsonObject config, String name) {
    JsonObject section = config.getJsonObject(name);
    return section == null ? new JsonObject() : section.copy();
  }
}
