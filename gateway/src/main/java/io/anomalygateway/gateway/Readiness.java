package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/v1/streaming/ready}: whether a load balancer should send this gateway traffic. Each check reports
 * on its own (vertx-health-check's JSON), and the answer is 200 only when all are up: the event bus answers, the
 * node is in its cluster (clustered mode), a detector answers a round trip, the heap after collection is below
 * {@code capacity.ready_heap_fraction} (memory exhausted), and the gateway is not shutting down.
 */
final class Readiness {

  /** A session id no client can use (ids may not start with a slash): the round trip creates no session. */
  private static final String PROBE_SESSION = "/readiness";
  private static final long CHECK_TIMEOUT_MILLIS = 2_000;

  private Readiness() {
  }

  static HealthCheckHandler handler(Vertx vertx, ClusterOptions cluster, InstanceDirectory directory,
                                    DetectorClient detector, BooleanSupplier shuttingDown,
                                    double readyHeapFraction) {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register("event-bus", CHECK_TIMEOUT_MILLIS, promise -> vertx.eventBus()
        .request(Addresses.GATEWAY_READINESS, "ping").onComplete(done -> promise.complete(done.succeeded()
            ? Status.OK() : Status.KO(new JsonObject().put("reason", "the event bus does not answer")))));
    checks.register("cluster", CHECK_TIMEOUT_MILLIS, promise -> promise.complete(new Status()
        .setOk(!isClusterExpected(cluster) || vertx.isClustered())
        .setData(new JsonObject().put("clustered", vertx.isClustered()).put("node_id", cluster.nodeId()))));
    checks.register("detector", CHECK_TIMEOUT_MILLIS, promise -> {
      int instances = directory.members(Service.DETECTOR).instances().size();
      if (instances == 0) {
        promise.complete(Status.KO(new JsonObject().put("instances", 0)));
        return;
      }
      detector.stats(PROBE_SESSION).onComplete(done -> promise.complete(new Status().setOk(done.succeeded())
          .setData(new JsonObject().put("instances", instances))));
    });
    checks.register("memory", CHECK_TIMEOUT_MILLIS, promise -> {
      double held = HeapPressure.afterCollection();
      promise.complete(new Status().setOk(held <= readyHeapFraction).setData(new JsonObject()
          .put("heap_after_gc", Math.round(held * 1000) / 1000.0).put("limit", readyHeapFraction)));
    });
    checks.register("shutdown", CHECK_TIMEOUT_MILLIS, promise -> promise.complete(shuttingDown.getAsBoolean()
        ? Status.KO(new JsonObject().put("shutting_down", true)) : Status.OK()));
    return HealthCheckHandler.createWithHealthChecks(checks);
  }

  /** A node told its cluster id runs clustered; the embedded mode's node is called "local". */
  private static boolean isClusterExpected(ClusterOptions cluster) {
    return cluster.isClustered();
  }
}
