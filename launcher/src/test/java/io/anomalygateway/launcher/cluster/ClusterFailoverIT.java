package io.anomalygateway.launcher.cluster;

import io.anomalygateway.launcher.ClientStream;
import io.anomalygateway.launcher.Messages;
import io.anomalygateway.launcher.NodeProcess;
import io.anomalygateway.launcher.TestSocket;
import io.anomalygateway.launcher.cluster.SampleStream.Answer;
import io.anomalygateway.runtime.cluster.Rendezvous;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster as operators run it: separate JVMs on loopback (two gateways, two detectors, drift, alerts) started
 * from the packaged jar, a detector killed with {@code kill -9} while six sessions stream, then a gateway killed.
 * The tests run in order on one cluster because each crash changes it for the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

  private static final int MIN_SAMPLES = 200;
  private static final int SNAPSHOT_INTERVAL = 25;
  private static final int WARM_UP = 250;
  private static final String CONFIG = new JsonObject()
      .put("detector", new JsonObject().put("min_samples", MIN_SAMPLES).put("buffer_size", 400)
          .put("refit_interval", MIN_SAMPLES))
      .put("cluster", new JsonObject().put("snapshot_interval", SNAPSHOT_INTERVAL).put("snapshot_spacing", "0s"))
      .encodePrettily();

  private final Vertx vertx = Vertx.vertx();
  private LocalCluster cluster;
  private NodeProcess gatewayA;
  private NodeProcess gatewayB;
  private NodeProcess doomedDetector;
  private NodeProcess survivingDetector;
  private final List<String> doomedSessions = new ArrayList<>();
  private final List<String> survivingSessions = new ArrayList<>();
  private final List<SampleStream> streams = new ArrayList<>();

  @BeforeAll
  void startCluster() {
    Path target = Path.of(System.getProperty("anomaly.jar", "target/anomaly-gateway.jar"));
    cluster = new LocalCluster(target, target.resolveSibling("cluster-it"), CONFIG);
    List<NodeProcess> workers = cluster.start("detector-1", "detector", "detector-2", "detector",
        "drift", "drift", "alerts", "alerts");
    List<NodeProcess> gateways = cluster.start("gateway-a", "gateway", "gateway-b", "gateway");
    gatewayA = gateways.get(0);
    gatewayB = gateways.get(1);
    doomedDetector = workers.get(0);
    survivingDetector = workers.get(1);
    pickSessions(LocalCluster.detectorInstance(workers.get(0)), LocalCluster.detectorInstance(workers.get(1)));
  }

  /** Three sessions on each detector, chosen with the same hashing the gateways use. */
  private void pickSessions(String doomed, String survivor) {
    Rendezvous owners = new Rendezvous(List.of(doomed, survivor));
    for (int i = 0; doomedSessions.size() < 3 || survivingSessions.size() < 3; i++) {
      String session = "failover-" + i;
      List<String> list = doomed.equals(owners.owner(session)) ? doomedSessions : survivingSessions;
      if (list.size() < 3) {
        list.add(session);
      }
    }
  }

  @AfterAll
  void stopCluster() {
    streams.forEach(SampleStream::close);
    if (cluster != null) {
      cluster.close();
    }
    vertx.close();
  }

  @Test
  @Order(1)
  void aSubscriberOnOneGatewaySeesAnomaliesAndAlertsOfSessionsOnTheOther() {
    try (TestSocket watcher = TestSocket.open(vertx, LocalCluster.port(gatewayB), "watcher");
         TestSocket producer = TestSocket.open(vertx, LocalCluster.port(gatewayA), "bursty")) {
      watcher.request(subscribe("anomalies"));
      watcher.request(subscribe("alerts"));
      producer.request(Messages.batch(Messages.normal(new Random(7), WARM_UP, 2)));
      for (int i = 0; i < 40; i++) {
        assertThat(producer.sample(40, -40).getString("type")).isEqualTo("result");
      }
      JsonObject anomaly = watcher.nextOf("anomaly");
      assertThat(anomaly.getString("session_id")).isEqualTo("bursty");
      JsonObject alert = watcher.nextOf("alert");
      assertThat(alert.getString("session_id")).isEqualTo("bursty");
    }
  }

  @Test
  @Order(2)
  void sessionsOfAKilledDetectorContinueOnTheSurvivorFromTheirSnapshots() throws Exception {
    int port = LocalCluster.port(gatewayA);
    for (String session : concat(doomedSessions, survivingSessions)) {
      warmUp(port, session);
      SampleStream stream = new SampleStream(session, 4, session.hashCode());
      streams.add(stream);
      stream.start(vertx, port).await(10, TimeUnit.SECONDS);
    }
    for (SampleStream stream : streams) {
      assertThat(stream.awaitAnswers(150, 60)).as("answers on " + stream.sessionId()).isTrue();
    }
    long killedAt = System.nanoTime();
    doomedDetector.kill();
    for (SampleStream stream : streams) {
      int before = stream.answers().size();
      assertThat(stream.awaitAnswers(before + 150, 60)).as("answers after the crash on " + stream.sessionId())
          .isTrue();
    }
    streams.forEach(SampleStream::stop);
    for (SampleStream stream : streams) {
      assertThat(stream.awaitAllAnswered(40)).as("every request on " + stream.sessionId() + " answered").isTrue();
      assertThat(stream.answers()).hasSize((int) stream.sent());
      assertThat(stream.answers()).allSatisfy(answer -> assertThat(answer.isResult()
          || "DETECTOR_UNAVAILABLE".equals(answer.errorCode())).as(answer.answer().encode()).isTrue());
      assertFittedSoonAfter(stream, killedAt);
    }
    for (SampleStream stream : streams) {
      if (doomedSessions.contains(stream.sessionId())) {
        assertTotalsContinued(port, stream, killedAt);
      }
    }
  }

  /**
   * Restored, not refitted from zero: a fresh model would answer unfitted for {@code MIN_SAMPLES} samples, a restored
   * session is refitted on its restored buffer before it serves its first request.
   */
  private static void assertFittedSoonAfter(SampleStream stream, long killedAt) {
    List<Answer> after = stream.answers().stream().filter(a -> a.sentAt() > killedAt && a.isResult()).toList();
    assertThat(after).as("results after the crash on " + stream.sessionId()).isNotEmpty();
    assertThat(after).as("results after the crash on " + stream.sessionId()).allSatisfy(a ->
        assertThat(a.fitted()).as(a.answer().encode()).isTrue());
    long firstAnswer = after.get(0).answeredAt() - killedAt;
    System.out.printf("%s: first result %.0f ms after the crash; %d of %d answers were DETECTOR_UNAVAILABLE%n",
        stream.sessionId(), firstAnswer / 1e6, stream.answers().stream().filter(a -> !a.isResult()).count(),
        stream.answers().size());
  }

  /** The survivor counts on from the last snapshot: at most one snapshot interval (plus what was in flight) lost. */
  private void assertTotalsContinued(int port, SampleStream stream, long killedAt) {
    long before = stream.answers().stream().filter(a -> a.sentAt() <= killedAt && a.isResult()).count();
    long after = stream.answers().stream().filter(a -> a.sentAt() > killedAt && a.isResult()).count();
    try (TestSocket socket = TestSocket.open(vertx, port, stream.sessionId())) {
      long total = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming")
          .getLong("total_samples");
      assertThat(total).as("samples counted on " + stream.sessionId())
          .isBetween(WARM_UP + before - 2L * SNAPSHOT_INTERVAL - 4 + after, WARM_UP + before + after + 4);
    }
  }

  @Test
  @Order(3)
  void clientsOfAKilledGatewayContinueTheirSessionsOnAnother() {
    gatewayA.kill();
    int port = LocalCluster.port(gatewayB);
    for (String session : concat(doomedSessions, survivingSessions)) {
      try (TestSocket socket = TestSocket.open(vertx, port, session)) {
        JsonObject result = socket.sample(0.1, -0.2);
        assertThat(result.getString("type")).as(result.encode()).isEqualTo("result");
        assertThat(result.getJsonObject("metadata").getBoolean("model_fitted")).isTrue();
        long total = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming")
            .getLong("total_samples");
        assertThat(total).isGreaterThan(WARM_UP + 300L);
      }
    }
  }

  @Test
  @Order(4)
  void everyNodeServesItsOwnMetricsAndSeesTheClusterShrink() {
    int port = LocalCluster.metricsPort(survivingDetector);
    ClientStream.awaitCondition(() -> metric(port, "anomaly_cluster_members ") == 4);
    assertThat(metric(port, "anomaly_samples_scored_total{algorithm=\"isolation_forest\",result=\"normal\"}"))
        .isGreaterThan(1_000);
    assertThat(metric(port, "anomaly_sessions ")).isGreaterThanOrEqualTo(6);
  }

  @Test
  @Order(5)
  void sigtermDrainsAGatewayAnsweringEveryRequestThenClosing1001() {
    try (TestSocket socket = TestSocket.open(vertx, LocalCluster.port(gatewayB), "draining")) {
      int inFlight = 300;
      for (int i = 0; i < inFlight; i++) {
        socket.sendTextUnchecked(Messages.sample(i % 7, -i % 5).put("request_id", "d-" + i).encode());
      }
      gatewayB.terminate();
      assertThat(socket.awaitResults(inFlight)).hasSize(inFlight);
      assertThat(socket.awaitClose()).isEqualTo((short) 1001);
    }
    assertThat(gatewayB.awaitExit(30)).as("the gateway exits after SIGTERM").isTrue();
  }

  /** @return the value of the first series of a node's /metrics that starts with {@code series} */
  private static double metric(int port, String series) {
    try {
      String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      return text.lines().filter(line -> line.startsWith(series)).mapToDouble(line ->
          Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void warmUp(int port, String session) {
    try (TestSocket socket = TestSocket.open(vertx, port, session)) {
      JsonObject fitted = socket.request(Messages.batch(Messages.normal(new Random(session.hashCode()), WARM_UP, 2)));
      assertThat(fitted.getString("type")).as(fitted.encode()).isEqualTo("batch_result");
    }
  }

  private static JsonObject subscribe(String topic) {
    return new JsonObject().put("type", "subscribe")
        .put("config", new JsonObject().put("topic", topic).put("scope", "all"));
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
