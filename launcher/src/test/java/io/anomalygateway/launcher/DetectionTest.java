package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What the detector does with a session's stream, observed over the WebSocket protocol. */
@Timeout(120)
class DetectionTest extends EmbeddedGatewayTest {

  private static final int DIMS = 4;

  @Test
  void modelIsFittedOnceMinSamplesHaveArrived() {
    try (TestSocket socket = open("fitting")) {
      Random random = new Random(7);
      for (int i = 0; i < 100; i++) {
        JsonObject result = socket.sample(Messages.normal(random, 1, DIMS)[0]);
        assertThat(result.getJsonObject("metadata").getBoolean("model_fitted")).isFalse();
        assertThat(result.getBoolean("is_anomaly")).isFalse();
      }
      int extra = 0;
      while (!socket.sample(Messages.normal(random, 1, DIMS)[0]).getJsonObject("metadata")
          .getBoolean("model_fitted")) {
        extra++;
        assertThat(extra).as("samples after min_samples before the fit was installed").isLessThan(500);
      }
      JsonObject stats = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
      assertThat(stats.getBoolean("model_fitted")).isTrue();
    }
  }

  @Test
  void bufferIsCappedAtTheConfiguredSize() {
    try (TestSocket socket = open("buffer-cap")) {
      socket.request(Messages.config(new JsonObject().put("buffer_size", 150).put("min_samples", 100)));
      JsonObject result = socket.request(Messages.batch(Messages.normal(new Random(3), 400, DIMS)));
      assertThat(result.getJsonArray("results").getJsonObject(149).getInteger("buffer_size")).isEqualTo(150);
      assertThat(result.getJsonArray("results").getJsonObject(399).getInteger("buffer_size")).isEqualTo(150);
      JsonObject stats = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
      assertThat(stats.getInteger("buffer_size")).isEqualTo(150);
      assertThat(stats.getLong("total_samples")).isEqualTo(400);
    }
  }

  @Test
  void sessionsDoNotShareModelsOrBuffers() {
    try (TestSocket first = open("isolated-a"); TestSocket second = open("isolated-b")) {
      first.request(Messages.batch(Messages.normal(new Random(5), 300, DIMS)));
      awaitFitted(first);
      JsonObject other = second.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
      assertThat(other.getLong("total_samples")).isZero();
      assertThat(other.getBoolean("model_fitted")).isFalse();
      JsonObject result = second.sample(1, 2);
      assertThat(result.getJsonObject("metadata").getInteger("buffer_size")).isEqualTo(1);
      assertThat(result.getJsonObject("metadata").getBoolean("model_fitted")).isFalse();
      JsonObject own = first.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
      assertThat(own.getLong("total_samples")).isEqualTo(300);
      assertThat(own.getInteger("dimension")).isEqualTo(DIMS);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"isolation_forest", "one_class_svm", "random_cut_forest"})
  void flagsAClearOutlierButFewNormalPoints(String algorithm) {
    try (TestSocket socket = open("outliers-" + algorithm)) {
      socket.request(Messages.config(new JsonObject().put("algorithm", algorithm).put("refit_interval", 1000)));
      Random random = new Random(11);
      socket.request(Messages.batch(Messages.normal(random, 500, DIMS)));
      awaitFitted(socket);
      double[] outlier = new double[DIMS];
      java.util.Arrays.fill(outlier, 20.0);
      JsonObject verdict = socket.sample(outlier);
      assertThat(verdict.getBoolean("is_anomaly")).isTrue();
      assertThat(verdict.getDouble("confidence_score")).isGreaterThan(0.5);
      JsonObject fresh = socket.request(Messages.batch(Messages.normal(random, 200, DIMS)));
      assertThat(fresh.getInteger("anomalies")).isLessThanOrEqualTo(20);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"isolation_forest", "one_class_svm", "random_cut_forest"})
  void explainsAnAnomalyByTheFeatureThatDeviates(String algorithm) {
    try (TestSocket socket = open("explain-" + algorithm)) {
      socket.request(Messages.config(new JsonObject().put("algorithm", algorithm).put("refit_interval", 1000)));
      Random random = new Random(13);
      socket.request(Messages.batch(Messages.normal(random, 500, DIMS)));
      awaitFitted(socket);
      double[] planted = Messages.normal(random, 1, DIMS)[0];
      planted[2] = 15.0;
      JsonObject verdict = socket.sample(planted);
      assertThat(verdict.getBoolean("is_anomaly")).isTrue();
      JsonArray explanation = verdict.getJsonObject("metadata").getJsonArray("explanation");
      assertThat(explanation).hasSize(3);
      JsonObject first = explanation.getJsonObject(0);
      assertThat(first.getInteger("index")).isEqualTo(2);
      assertThat(first.getDouble("value")).isEqualTo(15.0);
      assertThat(first.getString("direction")).isEqualTo("above");
      assertThat(first.getDouble("contribution")).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void explainsAnomaliesInBatchesAndOnlyAnomalies() {
    try (TestSocket socket = open("explain-batch")) {
      Random random = new Random(17);
      socket.request(Messages.batch(Messages.normal(random, 300, DIMS)));
      awaitFitted(socket);
      double[][] rows = Messages.normal(random, 20, DIMS);
      rows[7][0] = -25.0;
      JsonArray results = socket.request(Messages.batch(rows)).getJsonArray("results");
      JsonObject planted = results.getJsonObject(7);
      assertThat(planted.getBoolean("is_anomaly")).isTrue();
      assertThat(planted.getJsonArray("explanation").getJsonObject(0).getInteger("index")).isZero();
      assertThat(planted.getJsonArray("explanation").getJsonObject(0).getString("direction")).isEqualTo("below");
      for (int i = 0; i < results.size(); i++) {
        JsonObject entry = results.getJsonObject(i);
        assertThat(entry.containsKey("explanation")).isEqualTo(entry.getBoolean("is_anomaly"));
      }
    }
  }

  @Test
  void randomCutForestLearnsFromEverySampleWithoutRefits() {
    try (TestSocket socket = open("streaming")) {
      socket.request(Messages.config(new JsonObject().put("algorithm", "random_cut_forest")));
      JsonObject batch = socket.request(Messages.batch(Messages.normal(new Random(19), 300, DIMS)));
      assertThat(batch.getJsonObject("metadata").getBoolean("model_fitted")).isTrue();
      assertThat(batch.getJsonObject("metadata").getBoolean("refitting")).isFalse();
      assertThat(batch.getJsonArray("results").getJsonObject(98).getDouble("confidence_score")).isZero();
      JsonObject model = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming")
          .getJsonObject("models").getJsonObject("random_cut_forest");
      assertThat(model.getLong("samples")).isEqualTo(300);
      assertThat(model.getDouble("threshold")).isPositive();
      assertThat(model.getLong("fits")).isZero();
    }
  }

  @Test
  void shinglingJudgesAUnivariateSeriesByItsRecentShape() {
    try (TestSocket socket = open("shingles")) {
      socket.request(Messages.config(new JsonObject().put("algorithm", "random_cut_forest").put("shingle_size", 8)));
      double[][] wave = new double[600][1];
      for (int t = 0; t < wave.length; t++) {
        wave[t][0] = Math.sin(2 * Math.PI * t / 25.0);
      }
      socket.request(Messages.batch(wave));
      // A value that is usual on its own (0.0 lies on the wave) but breaks the rhythm where the wave is at its peak.
      int peak = 600 + 6;
      JsonObject verdict = null;
      for (int t = 600; t <= peak; t++) {
        verdict = socket.sample(t == peak ? -1.0 : Math.sin(2 * Math.PI * t / 25.0));
      }
      assertThat(verdict.getBoolean("is_anomaly")).isTrue();
    }
  }

  /** Asks for stats until the session's default model reports being fitted, for at most 30 s. */
  private static void awaitFitted(TestSocket socket) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject stats = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
      if (stats.getBoolean("model_fitted")) {
        return;
      }
    }
    throw new AssertionError("the model was not fitted");
  }
}
