package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drift} over the WebSocket protocol: per-feature evidence, too little data, resets, limits, isolation. Here
 * continuous monitoring is slowed down so that it does not renew the references under the requests.
 */
@Timeout(60)
class DriftRequestTest extends EmbeddedGatewayTest {

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("drift", new JsonObject().put("check_interval", 1_000_000));
  }

  @Test
  void comparesTheReferenceWithTheRecentWindowFeatureByFeature() {
    try (TestSocket socket = open("drift-features")) {
      Random random = new Random(1);
      socket.request(Messages.batch(Messages.normal(random, 700, 3)));
      double[][] shifted = Messages.normal(random, 200, 3);
      for (double[] row : shifted) {
        row[0] += 2.0;
      }
      socket.request(Messages.batch(shifted));
      JsonObject result = socket.request(new JsonObject().put("type", "drift").put("window_size", 200)
          .put("method", "ks"));
      assertThat(result.getString("type")).isEqualTo("drift_result");
      assertThat(result.getString("status")).isEqualTo("ok");
      assertThat(result.getBoolean("drift_detected")).isTrue();
      assertThat(result.getString("method")).isEqualTo("ks");
      assertThat(result.getInteger("window_size")).isEqualTo(200);
      assertThat(result.getInteger("reference_size")).isEqualTo(500);
      assertThat(result.getInteger("current_size")).isEqualTo(200);
      JsonArray features = result.getJsonArray("features");
      assertThat(features).hasSize(3);
      JsonObject moved = features.getJsonObject(0);
      assertThat(moved.getInteger("index")).isZero();
      assertThat(moved.getBoolean("drifted")).isTrue();
      assertThat(moved.getDouble("statistic")).isGreaterThan(0.5);
      assertThat(moved.getDouble("p_value")).isLessThan(1e-6);
      assertThat(moved.getDouble("psi")).isGreaterThan(0.25);
      for (int k = 1; k < 3; k++) {
        assertThat(features.getJsonObject(k).getBoolean("drifted")).isFalse();
        assertThat(features.getJsonObject(k).getDouble("p_value")).isGreaterThan(0.0005);
      }
    }
  }

  @Test
  void answersEveryMethodWithThePerFeatureFields() {
    try (TestSocket socket = open("drift-methods")) {
      socket.request(Messages.batch(Messages.normal(new Random(2), 800, 2)));
      for (String method : new String[] {"ks", "psi", "adwin", "page_hinkley"}) {
        JsonObject result = socket.request(new JsonObject().put("type", "drift").put("method", method));
        assertThat(result.getString("status")).isEqualTo("ok");
        assertThat(result.getString("method")).isEqualTo(method);
        for (Object entry : result.getJsonArray("features")) {
          assertThat(((JsonObject) entry).fieldNames()).contains("index", "statistic", "p_value", "psi", "drifted");
        }
      }
    }
  }

  @Test
  void reportsHowManySamplesAreStillNeeded() {
    try (TestSocket socket = open("drift-early")) {
      socket.request(Messages.batch(Messages.normal(new Random(3), 100, 2)));
      JsonObject result = socket.request(new JsonObject().put("type", "drift").put("window_size", 200));
      assertThat(result.getBoolean("success")).isTrue();
      assertThat(result.getString("status")).isEqualTo("insufficient_data");
      assertThat(result.getInteger("samples_needed")).isEqualTo(400 + 200);
      assertThat(result.getBoolean("drift_detected")).isFalse();
    }
  }

  @Test
  void resetTakesAFreshReference() {
    try (TestSocket socket = open("drift-reset")) {
      socket.request(Messages.batch(Messages.normal(new Random(4), 800, 2)));
      JsonObject reset = socket.request(new JsonObject().put("type", "drift").put("reset", true));
      assertThat(reset.getString("status")).isEqualTo("reset");
      JsonObject after = socket.request(new JsonObject().put("type", "drift"));
      assertThat(after.getString("status")).isEqualTo("insufficient_data");
      assertThat(after.getInteger("reference_size")).isZero();
    }
  }

  @Test
  void refusesAWindowBeyondTheRecentSamplesKept() {
    try (TestSocket socket = open("drift-limit")) {
      socket.sendText("{\"type\":\"drift\",\"window_size\":1001,\"request_id\":\"big\"}");
      JsonObject error = socket.next();
      assertThat(error.getJsonObject("error").getString("code")).isEqualTo("INVALID_FIELD");
      assertThat(error.getJsonObject("error").getString("message")).contains("1000");
      assertThat(error.getString("request_id")).isEqualTo("big");
    }
  }

  @Test
  void oneSessionsDriftDoesNotTouchAnothers() {
    try (TestSocket first = open("drift-a"); TestSocket second = open("drift-b")) {
      first.request(Messages.batch(Messages.normal(new Random(5), 900, 2)));
      second.request(Messages.batch(Messages.normal(new Random(6), 50, 2)));
      assertThat(first.request(new JsonObject().put("type", "drift")).getString("status")).isEqualTo("ok");
      JsonObject other = second.request(new JsonObject().put("type", "drift"));
      assertThat(other.getString("status")).isEqualTo("insufficient_data");
      assertThat(other.getInteger("reference_size")).isEqualTo(50);
    }
  }

  @Test
  void configSetsTheSessionsDriftPolicyAndStatsReportIt() {
    try (TestSocket socket = open("drift-config")) {
      JsonObject ack = socket.request(Messages.config(new JsonObject().put("on_drift", "refit")
          .put("drift_monitor", "adwin")));
      assertThat(ack.getJsonObject("config").getString("on_drift")).isEqualTo("refit");
      assertThat(ack.getJsonObject("config").getString("drift_monitor")).isEqualTo("adwin");
      socket.sample(1, 2);
      JsonObject drift = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming")
          .getJsonObject("drift");
      assertThat(drift.getString("on_drift")).isEqualTo("refit");
      assertThat(drift.getLong("samples")).isEqualTo(1);
      assertThat(drift.getLong("detections")).isZero();
    }
  }

  @Test
  void statsCountEverySampleAnsweredBeforeThemWhileAnotherSessionKeepsTheDetectorBusy() {
    try (TestSocket busy = open("drift-busy"); TestSocket socket = open("drift-read-your-writes")) {
      Random random = new Random(7);
      for (int round = 1; round <= 20; round++) {
        // Big batches of another session queued before and after this session's request keep the detector's
        // turns long, so that what it announces after this request waits behind them.
        sendBatches(busy, random, 4);
        socket.sendTextUnchecked(Messages.batch(Messages.normal(random, 10, 2)).put("request_id", "r" + round)
            .encode());
        sendBatches(busy, random, 4);
        assertThat(socket.next().getString("request_id")).isEqualTo("r" + round);
        JsonObject drift = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming")
            .getJsonObject("drift");
        assertThat(drift.getLong("samples")).isEqualTo(10L * round);
      }
    }
  }

  private static void sendBatches(TestSocket socket, Random random, int count) {
    for (int i = 0; i < count; i++) {
      socket.sendTextUnchecked(Messages.batch(Messages.normal(random, 500, 2)).encode());
    }
  }
}
