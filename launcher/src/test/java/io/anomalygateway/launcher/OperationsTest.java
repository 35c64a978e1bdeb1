package io.anomalygateway.launcher;

import io.anomalygateway.protocol.Endpoints;
import io.anomalygateway.gateway.GatewayVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.anomalygateway.launcher.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Liveness, readiness and a graceful shutdown, against the real verticles deployed one by one. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class OperationsTest {

  private Vertx vertx;
  private JsonObject config;
  private GatewayVerticle gateway;
  private String gatewayDeployment;

  @BeforeEach
  void startGatewayAlone(Vertx vertx) {
    this.vertx = vertx;
    config = TestConfiguration.defaults().mergeIn(new JsonObject()
        .put("gateway", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
        .put("security", new JsonObject().put("auth_enabled", false)), true);
    gateway = new GatewayVerticle();
    gatewayDeployment = await(Deployment.gateway(vertx, config, gateway).toCompletionStage().toCompletableFuture());
  }

  private void deployWorkers() {
    await(Deployment.deploy(vertx, config, EnumSet.of(NodeRole.DETECTOR, NodeRole.DRIFT, NodeRole.ALERTS),
        Map.of()).toCompletionStage().toCompletableFuture());
  }

  /** @return the status and the JSON body of a GET */
  private Map.Entry<Integer, JsonObject> get(String path) {
    HttpClient client = vertx.createHttpClient();
    try {
      return await(client.request(HttpMethod.GET, gateway.actualPort(), "127.0.0.1", path)
          .compose(request -> request.send())
          .compose(response -> response.body().map(body -> Map.entry(response.statusCode(),
              body.length() == 0 ? new JsonObject() : new JsonObject(body))))
          .toCompletionStage().toCompletableFuture());
    } finally {
      client.close();
    }
  }

  private static Set<String> checksUp(JsonObject readiness) {
    Set<String> up = new HashSet<>();
    JsonArray checks = readiness.getJsonArray("checks", new JsonArray());
    for (int i = 0; i < checks.size(); i++) {
      if ("UP".equals(checks.getJsonObject(i).getString("status"))) {
        up.add(checks.getJsonObject(i).getString("id"));
      }
    }
    return up;
  }

  @Test
  void livenessIsUpWhileTheProcessServesEvenWithoutADetector() {
    assertThat(get(Endpoints.HEALTH).getKey()).isEqualTo(200);
  }

  @Test
  void readinessIs503WithoutADetectorAnd200OnceOneAnswers() {
    Map.Entry<Integer, JsonObject> alone = get("/api/v1/streaming/ready");
    assertThat(alone.getKey()).isEqualTo(503);
    assertThat(checksUp(alone.getValue())).contains("event-bus", "cluster", "shutdown").doesNotContain("detector");
    deployWorkers();
    ClientStream.awaitCondition(() -> get("/api/v1/streaming/ready").getKey() == 200);
    assertThat(checksUp(get("/api/v1/streaming/ready").getValue()))
        .containsExactlyInAnyOrder("event-bus", "cluster", "memory", "detector", "shutdown");
  }

  @Test
  void shutdownAnswersEveryRequestInFlightThenClosesWith1001() throws Exception {
    deployWorkers();
    try (TestSocket socket = TestSocket.open(vertx, gateway.actualPort(), "draining")) {
      int inFlight = 300;
      for (int i = 0; i < inFlight; i++) {
        socket.sendTextUnchecked(Messages.sample(i % 7, -i % 5).put("request_id", "d-" + i).encode());
      }
      vertx.undeploy(gatewayDeployment);
      assertThat(socket.awaitResults(inFlight)).hasSize(inFlight);
      assertThat(socket.awaitClose()).isEqualTo((short) 1001);
    }
  }
}
