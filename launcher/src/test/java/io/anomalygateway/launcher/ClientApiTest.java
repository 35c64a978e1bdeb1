package io.anomalygateway.launcher;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.BatchResult;
import io.anomalygateway.client.ClientOptions;
import io.anomalygateway.client.DetectionResult;
import io.anomalygateway.client.DriftResult;
import io.anomalygateway.client.ProtocolErrorException;
import io.anomalygateway.client.SessionStatistics;
import io.anomalygateway.client.TopicEvent;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JVM client's API against the real gateway: typed results, typed errors, subscriptions. */
@Timeout(60)
class ClientApiTest extends EmbeddedGatewayTest {

  private AnomalyClient client(String session) {
    AnomalyClient client = AnomalyClient.create(vertx, new ClientOptions().setUrl("ws://127.0.0.1:" + port)
        .setSessionId(session));
    await(client.connect());
    return client;
  }

  @Test
  void aSampleGetsATypedResult() {
    try (AnomalyClient client = client("api-sample")) {
      DetectionResult result = await(client.sendSample(new double[] {1, 2, 3}));
      assertThat(result.sampleId()).isNotBlank();
      assertThat(result.modelFitted()).isFalse();
      assertThat(result.algorithm()).isEqualTo("isolation_forest");
    }
  }

  @Test
  void aBatchGetsOneVerdictPerRowAndAnAnomalyIsExplained() {
    try (AnomalyClient client = client("api-batch")) {
      await(client.sendBatch(Messages.normal(new Random(3), 300, 3)));
      DetectionResult outlier = fittedVerdictOn(client, new double[] {0, 0, 40});
      assertThat(outlier.anomaly()).isTrue();
      assertThat(outlier.explanation()).isNotEmpty();
      assertThat(outlier.explanation().get(0).index()).isEqualTo(2);
      BatchResult batch = await(client.sendBatch(new double[][] {{0, 0, 0}, {0, 0, 40}}));
      assertThat(batch.results()).hasSize(2);
      assertThat(batch.results().get(1).anomaly()).isTrue();
    }
  }

  @Test
  void statsDriftAndConfigAreTyped() {
    try (AnomalyClient client = client("api-stats")) {
      await(client.sendBatch(Messages.normal(new Random(4), 20, 2)));
      SessionStatistics stats = await(client.stats());
      assertThat(stats.totalSamples()).isEqualTo(20);
      DriftResult drift = await(client.checkDrift(100));
      assertThat(drift.status()).isEqualTo("insufficient_data");
      assertThat(drift.samplesNeeded()).isPositive();
      JsonObject settings = await(client.configure(new JsonObject().put("contamination", 0.1)));
      assertThat(settings.getDouble("contamination")).isEqualTo(0.1);
    }
  }

  @Test
  void aBatchAndASampleWithACallbackNameTheirAlgorithm() throws Exception {
    try (AnomalyClient client = client("api-algorithms")) {
      BatchResult batch = await(client.sendBatch(Messages.normal(new Random(6), 30, 2), "random_cut_forest"));
      assertThat(batch.algorithm()).isEqualTo("random_cut_forest");
      CompletableFuture<DetectionResult> called = new CompletableFuture<>();
      client.sendSample(new double[] {0.1, 0.2}, "one_class_svm", (result, failure) -> {
        if (failure != null) {
          called.completeExceptionally(failure);
        } else {
          called.complete(result);
        }
      });
      assertThat(await(called).algorithm()).isEqualTo("one_class_svm");
    }
  }

  @Test
  void driftChecksTakeAMethodAndALevelAndResetTheReference() {
    try (AnomalyClient client = client("api-drift")) {
      Random random = new Random(8);
      await(client.sendBatch(Messages.normal(random, 600, 2)));
      DriftResult drift = await(client.checkDrift(100, "psi", 0.05));
      assertThat(drift.status()).isEqualTo("ok");
      assertThat(drift.method()).isEqualTo("psi");
      assertThat(drift.windowSize()).isEqualTo(100);
      assertThat(drift.alpha()).isEqualTo(0.05);
      assertThat(drift.evidence()).isEqualTo("comparison");
      assertThat(drift.detectedAt()).isNull();
      assertThat(drift.features()).hasSize(2);
      assertThat(await(client.resetDrift()).status()).isEqualTo("reset");
      assertThat(await(client.checkDrift(100)).status()).isEqualTo("insufficient_data");
    }
  }

  @Test
  void inBatchModeEverySampleStillGetsItsOwnResult() {
    AnomalyClient client = AnomalyClient.create(vertx, new ClientOptions().setUrl("ws://127.0.0.1:" + port)
        .setSessionId("api-batch-mode").setProcessingMode("batch", 10, 0.05));
    try (client) {
      await(client.connect());
      List<CompletableFuture<DetectionResult>> results = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        results.add(client.sendSample(new double[] {i, -i}));
      }
      assertThat(results).allSatisfy(result -> assertThat(await(result).sampleId()).isNotBlank());
      assertThat(await(client.configure(new JsonObject())).getString("processing_mode")).isEqualTo("batch");
      assertThat(await(client.stats()).totalSamples()).isEqualTo(25);
    }
  }

  @Test
  void aProtocolErrorFailsTheFutureWithItsCode() {
    try (AnomalyClient client = client("api-error")) {
      await(client.sendSample(new double[] {1, 2}));
      assertThatThrownBy(() -> await(client.sendSample(new double[] {1, 2, 3})))
          .isInstanceOfSatisfying(ProtocolErrorException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DIMENSION_MISMATCH);
                assertThat(e.codeText()).isEqualTo("DIMENSION_MISMATCH");
              });
      assertThat(client.statistics().errors()).isEqualTo(1);
    }
  }

  @Test
  void subscribersReceiveTheirSessionsAnomalies() {
    try (AnomalyClient client = client("api-topics")) {
      CompletableFuture<TopicEvent> anomaly = new CompletableFuture<>();
      await(client.subscribe("anomalies", anomaly::complete));
      await(client.sendBatch(Messages.normal(new Random(5), 300, 3)));
      assertThat(fittedVerdictOn(client, new double[] {25, -25, 25}).anomaly()).isTrue();
      TopicEvent event = await(anomaly);
      assertThat(event.type()).isEqualTo("anomaly");
      assertThat(event.sessionId()).isEqualTo("api-topics");
    }
  }

  /** The fit after a batch runs in the background: sends the sample until a fitted model scores it. */
  static DetectionResult fittedVerdictOn(AnomalyClient client, double[] sample) {
    for (int i = 0; i < 1_000; i++) {
      DetectionResult result = await(client.sendSample(sample));
      if (result.modelFitted()) {
        return result;
      }
    }
    throw new AssertionError("the model was never fitted");
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
