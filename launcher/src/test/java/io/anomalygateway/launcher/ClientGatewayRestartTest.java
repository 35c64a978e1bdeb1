package io.anomalygateway.launcher;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.ClientOptions;
import io.anomalygateway.client.DetectionResult;
import io.anomalygateway.client.TopicEvent;
import io.anomalygateway.gateway.GatewayVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.anomalygateway.launcher.ClientApiTest.await;
import static io.anomalygateway.launcher.ClientApiTest.fittedVerdictOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway restart, as in a cluster: the gateway verticle is undeployed in the middle of a stream while the
 * detector keeps running, then deployed again on the same port. The client reconnects, nothing is lost or scored
 * twice (the detector remembers what it answered), and the subscription goes on.
 */
@ExtendWith(VertxExtension.class)
@Timeout(120)
class ClientGatewayRestartTest {

  @Test
  void aRestartedGatewayLosesNoSampleAndScoresNoneTwice(Vertx vertx) {
    JsonObject config = TestConfiguration.defaults().mergeIn(new JsonObject()
        .put("gateway", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
        .put("security", new JsonObject().put("auth_enabled", false)), true);
    await(Deployment.deploy(vertx, config, EnumSet.of(NodeRole.DETECTOR, NodeRole.DRIFT, NodeRole.ALERTS), Map.of())
        .toCompletionStage().toCompletableFuture());
    GatewayVerticle first = new GatewayVerticle();
    String deployment = await(Deployment.gateway(vertx, config, first).toCompletionStage().toCompletableFuture());
    int port = first.actualPort();
    ClientOptions options = ClientStream.burstOptions(port, "restart");
    List<TopicEvent> anomalies = new CopyOnWriteArrayList<>();
    try (AnomalyClient client = AnomalyClient.create(vertx, options)) {
      await(client.connect());
      await(client.subscribe("anomalies", anomalies::add));
      ClientStream stream = ClientStream.start(client, 10_000, 3, 12);
      stream.awaitAnswered(3_000);
      await(vertx.undeploy(deployment).toCompletionStage().toCompletableFuture());
      config.getJsonObject("gateway").put("port", port);
      await(Deployment.gateway(vertx, config, new GatewayVerticle()).toCompletionStage().toCompletableFuture());

      stream.assertEachAnsweredOnceWithAResult();
      assertThat(await(client.stats()).totalSamples()).isEqualTo(10_000);
      assertThat(client.statistics().reconnects()).isGreaterThanOrEqualTo(1);
      DetectionResult outlier = fittedVerdictOn(client, new double[] {25, -25, 25});
      assertThat(outlier.anomaly()).isTrue();
      ClientStream.awaitCondition(() -> anomalies.stream()
          .anyMatch(event -> outlier.sampleId().equals(event.body().getString("sample_id"))));
    }
  }
}
