package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code drift} request after a change, with continuous monitoring on as users run it: the monitor detects the
 * change and re-forms its reference from the new concept; meanwhile a request reports the detection (not "too little
 * data"), and once the new reference is complete, a comparison with it that still names the detection.
 */
@Timeout(120)
class DriftAfterChangeTest extends EmbeddedGatewayTest {

  private static final int DIMS = 6;
  private static final int STABLE = 3000;
  private static final int REFERENCE_SIZE = 500;
  private static final JsonObject REQUEST = new JsonObject().put("type", "drift").put("window_size", 200)
      .put("method", "ks");

  private final Random random = new Random(15);

  /** Rows of six standard normal features; features 1 and 4 moved by {@code shift} standard deviations. */
  private double[][] rows(int count, double shift) {
    double[][] rows = Messages.normal(random, count, DIMS);
    for (double[] row : rows) {
      row[1] += shift;
      row[4] += shift;
    }
    return rows;
  }

  private static List<Integer> drifted(JsonObject answer) {
    List<Integer> drifted = new ArrayList<>();
    JsonArray features = answer.getJsonArray("features");
    for (int i = 0; i < features.size(); i++) {
      if (features.getJsonObject(i).getBoolean("drifted")) {
        drifted.add(features.getJsonObject(i).getInteger("index"));
      }
    }
    return drifted;
  }

  /** Streams the stable concept, then the shifted one until the monitor publishes its drift event. */
  private JsonObject streamUntilTheMonitorDetectsTheChange(TestSocket socket) {
    socket.request(new JsonObject().put("type", "subscribe").put("config", new JsonObject().put("topic", "drift")));
    for (int sent = 0; sent < STABLE; sent += 100) {
      socket.request(Messages.batch(rows(100, 0)));
    }
    assertThat(socket.drain()).as("no drift on the stable part").noneMatch(m -> "drift".equals(m.getString("type")));
    for (int sent = 0; sent < 1000; sent += 100) {
      socket.request(Messages.batch(rows(100, 0.8)));
      List<JsonObject> events = socket.drain().stream().filter(m -> "drift".equals(m.getString("type"))).toList();
      if (!events.isEmpty()) {
        return events.get(0);
      }
    }
    throw new AssertionError("the monitor never detected a 0.8 sd shift of two features");
  }

  @Test
  void aRequestAFewHundredSamplesAfterTheChangeReportsTheMonitorsDetection() {
    try (TestSocket socket = open("drift-after-change")) {
      JsonObject event = streamUntilTheMonitorDetectsTheChange(socket);
      long detectedAt = event.getLong("sample");
      assertThat(detectedAt).isBetween((long) STABLE, STABLE + 500L);
      socket.request(Messages.batch(rows(200, 0.8)));
      JsonObject answer = socket.request(REQUEST);
      assertThat(answer.getString("status")).isEqualTo("ok");
      assertThat(answer.getBoolean("drift_detected")).isTrue();
      assertThat(drifted(answer)).containsExactly(1, 4);
      assertThat(answer.getString("evidence")).isEqualTo("monitor");
      assertThat(answer.getLong("detected_at")).isEqualTo(detectedAt);
      assertThat(answer.getJsonArray("features")).hasSize(DIMS);
      JsonObject moved = answer.getJsonArray("features").getJsonObject(1);
      assertThat(moved.getDouble("statistic")).isBetween(0.1, 1.0);
      assertThat(moved.getDouble("p_value")).isLessThan(1e-3);
    }
  }

  @Test
  void aStableStreamStillReportsNoDrift() {
    try (TestSocket socket = open("drift-stable")) {
      for (int sent = 0; sent < STABLE + 400; sent += 100) {
        socket.request(Messages.batch(rows(100, 0)));
      }
      JsonObject answer = socket.request(REQUEST);
      assertThat(answer.getString("status")).isEqualTo("ok");
      assertThat(answer.getBoolean("drift_detected")).isFalse();
      assertThat(drifted(answer)).isEmpty();
      assertThat(answer.getString("evidence")).isEqualTo("comparison");
      assertThat(answer.getValue("detected_at")).isNull();
    }
  }

  @Test
  void onceTheNewReferenceIsCompleteRequestsCompareWithItAndStillNameTheDetection() {
    try (TestSocket socket = open("drift-reformed")) {
      long detectedAt = streamUntilTheMonitorDetectsTheChange(socket).getLong("sample");
      socket.request(Messages.batch(rows(REFERENCE_SIZE + 200, 0.8)));
      JsonObject answer = socket.request(REQUEST);
      assertThat(answer.getString("evidence")).isEqualTo("comparison");
      assertThat(answer.getBoolean("drift_detected")).as("the new concept is the reference now").isFalse();
      assertThat(answer.getLong("detected_at")).isEqualTo(detectedAt);
    }
  }

  @Test
  void aResetForgetsTheDetectionAndWaitsForANewReference() {
    try (TestSocket socket = open("drift-reset")) {
      streamUntilTheMonitorDetectsTheChange(socket);
      JsonObject reset = socket.request(new JsonObject().put("type", "drift").put("reset", true));
      assertThat(reset.getString("status")).isEqualTo("reset");
      JsonObject answer = socket.request(REQUEST);
      assertThat(answer.getString("status")).isEqualTo("insufficient_data");
      assertThat(answer.getBoolean("drift_detected")).isFalse();
      assertThat(answer.getValue("detected_at")).isNull();
    }
  }
}
