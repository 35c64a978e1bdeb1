package io.anomalygateway.launcher.cluster;

import io.anomalygateway.launcher.ClientStream;
import io.anomalygateway.launcher.Messages;
import io.anomalygateway.launcher.NodeProcess;
import io.anomalygateway.launcher.TestSocket;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A detector process frozen with SIGSTOP (alive, silent: the hardest failure to see) behind a gateway process. Its
 * circuit opens after the first calls time out, so later requests are answered at once with
 * {@code DETECTOR_UNAVAILABLE} and a retry delay instead of each waiting out the request timeout; after SIGCONT a
 * probe closes the circuit and the session is served again.
 */
class StalledDetectorIT {

  /** The presence timeout is long, so that the circuit, not the directory, is what notices the stall. */
  private static final String CONFIG = new JsonObject()
      .put("cluster", new JsonObject().put("presence_timeout", 120.0))
      .put("circuit", new JsonObject().put("failures", 2).put("call_timeout", 1.0).put("reset_timeout", 2.0))
      .encode();

  private Vertx vertx;
  private LocalCluster cluster;
  private NodeProcess detector;
  private int port;

  @BeforeEach
  void startCluster() {
    vertx = Vertx.vertx();
    Path target = Path.of(System.getProperty("anomaly.jar", "target/anomaly-gateway.jar"));
    cluster = new LocalCluster(target, target.resolveSibling("stalled-it"), CONFIG);
    detector = cluster.start("stalled-detector", "detector").get(0);
    port = LocalCluster.port(cluster.start("stalled-gateway", "gateway,drift,alerts").get(0));
  }

  @AfterEach
  void stopCluster() {
    detector.signal("CONT");
    cluster.close();
    vertx.close().await();
  }

  @Test
  void aStalledDetectorIsAnsweredFastThroughItsOpenCircuitAndServedAgainAfterItResumes() {
    try (TestSocket socket = TestSocket.open(vertx, port, "frozen")) {
      awaitResult(socket);
      detector.signal("STOP");
      for (int i = 0; i < 2; i++) {
        JsonObject timedOut = socket.request(Messages.sample(i, 1, 2));
        assertThat(timedOut.getJsonObject("error").getString("code")).isEqualTo("TIMEOUT");
      }
      long sent = System.nanoTime();
      JsonObject refused = socket.request(Messages.sample(3, 1, 2));
      long answeredMillis = (System.nanoTime() - sent) / 1_000_000;
      assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("DETECTOR_UNAVAILABLE");
      assertThat(refused.getJsonObject("error").getLong("retry_after_ms")).isEqualTo(2_000L);
      assertThat(answeredMillis).isLessThan(1_000);
      detector.signal("CONT");
      awaitResult(socket);
    }
  }

  /** Sends samples until one is scored: after a resume, the circuit lets a probe through once it half-opens. */
  private static void awaitResult(TestSocket socket) {
    ClientStream.awaitCondition(() -> {
      JsonObject answer = socket.request(Messages.sample(1, 2, 3));
      if ("result".equals(answer.getString("type"))) {
        return true;
      }
      assertThat(answer.getJsonObject("error").getString("code")).isIn("DETECTOR_UNAVAILABLE", "TIMEOUT");
      return false;
    });
  }
}
