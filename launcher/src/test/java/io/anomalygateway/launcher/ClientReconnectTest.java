package io.anomalygateway.launcher;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.ClientOptions;
import io.anomalygateway.client.DetectionResult;
import io.anomalygateway.client.TopicEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.anomalygateway.launcher.ClientApiTest.await;
import static io.anomalygateway.launcher.ClientApiTest.fittedVerdictOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's promise through network blips: the connection is cut (by a proxy, without a close frame) three times
 * in the middle of a stream of 10,000 samples, and still every sample is answered exactly once, scored exactly once,
 * and the subscription goes on.
 */
@Timeout(120)
class ClientReconnectTest extends EmbeddedGatewayTest {

  @Test
  void everySampleIsAnsweredOnceAndScoredOnceThroughCutConnections() {
    CuttableProxy proxy = new CuttableProxy(vertx, port);
    int proxyPort = ClientApiTest.await(proxy.start().toCompletionStage().toCompletableFuture());
    ClientOptions options = ClientStream.burstOptions(proxyPort, "blips");
    List<TopicEvent> anomalies = new CopyOnWriteArrayList<>();
    try (AnomalyClient client = AnomalyClient.create(vertx, options)) {
      await(client.connect());
      await(client.subscribe("anomalies", anomalies::add));
      ClientStream stream = ClientStream.start(client, 10_000, 3, 11);
      for (int cutAt : new int[] {2_000, 5_000, 8_000}) {
        stream.awaitAnswered(cutAt);
        proxy.cut();
      }
      stream.assertEachAnsweredOnceWithAResult();
      assertThat(await(client.stats()).totalSamples()).isEqualTo(10_000);
      assertThat(client.statistics().reconnects()).isGreaterThanOrEqualTo(3);
      assertThat(proxy.accepted()).isGreaterThanOrEqualTo(4);

      DetectionResult outlier = fittedVerdictOn(client, new double[] {25, -25, 25});
      assertThat(outlier.anomaly()).isTrue();
      ClientStream.awaitCondition(() -> anomalies.stream()
          .anyMatch(event -> outlier.sampleId().equals(event.body().getString("sample_id"))));
    } finally {
      proxy.close();
    }
  }
}
