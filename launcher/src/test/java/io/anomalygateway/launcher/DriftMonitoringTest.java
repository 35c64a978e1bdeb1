package io.anomalygateway.launcher;

import io.anomalygateway.launcher.offline.CsvTable;
import io.anomalygateway.launcher.offline.DriftStreamRun;
import io.anomalygateway.launcher.offline.SharedData;
import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous drift monitoring, with the streams of {@code testdata/drift} sent through the WebSocket endpoint:
 * the abrupt shift is detected soon after its change point, the control stream raises no alarm, and the policy
 * {@code refit} makes the detector forget the samples before the change.
 */
@Timeout(300)
class DriftMonitoringTest extends EmbeddedGatewayTest {

  @Test
  void detectsTheAbruptShiftSoonAfterItsChangePoint() throws Exception {
    List<Long> detections = new DriftStreamRun(vertx, port)
        .run("monitor-abrupt", stream("abrupt_mean_shift"), DriftMethod.KS).await(200, TimeUnit.SECONDS);
    assertThat(detections).singleElement().satisfies(at -> assertThat(at).isBetween(5000L, 5600L));
  }

  @Test
  void staysSilentOnTheControlStream() throws Exception {
    List<Long> detections = new DriftStreamRun(vertx, port)
        .run("monitor-control", stream("no_drift"), DriftMethod.KS).await(200, TimeUnit.SECONDS);
    assertThat(detections).isEmpty();
  }

  @Test
  void publishesAnEventAndRefitsTheDetectorOnTheNewConcept() {
    try (TestSocket socket = open("monitor-refit")) {
      CompletableFuture<DriftEvent> event = new CompletableFuture<>();
      vertx.eventBus().<DriftEvent>consumer(Addresses.DRIFT_EVENTS, m -> event.complete(m.body()));
      socket.request(Messages.config(new JsonObject().put("on_drift", "refit")));
      Random random = new Random(7);
      socket.request(Messages.batch(Messages.normal(random, 1000, 2)));
      double[][] shifted = Messages.normal(random, 100, 2);
      int sent = 1000;
      while (!event.isDone() && sent < 3000) {
        for (double[] row : shifted) {
          row[1] = 5 + random.nextGaussian();
        }
        socket.request(Messages.batch(shifted));
        sent += shifted.length;
      }
      DriftEvent drift = event.join();
      assertThat(drift.sessionId()).isEqualTo("monitor-refit");
      assertThat(drift.refit()).isTrue();
      assertThat(drift.features()).extracting(f -> f.index()).contains(1);
      JsonObject streaming = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
      assertThat(streaming.getInteger("buffer_size")).isLessThan(1000);
      assertThat(streaming.getJsonObject("drift").getLong("detections")).isEqualTo(1);
    }
  }

  private static CsvTable stream(String name) {
    return SharedData.csv("drift/" + name + ".csv");
  }
}
