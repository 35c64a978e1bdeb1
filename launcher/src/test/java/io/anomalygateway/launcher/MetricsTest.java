package io.anomalygateway.launcher;

import io.anomalygateway.gateway.GatewayVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static io.anomalygateway.launcher.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /metrics} after real traffic: every meter of ours is there in Prometheus format, with the values the
 * traffic implies (compared with a scrape taken before it, since a process keeps its counters), beside Vert.x's and
 * the JVM's.
 */
@Timeout(60)
class MetricsTest {

  private Vertx vertx;
  private int port;

  @BeforeEach
  void startWithMetrics() {
    vertx = Telemetry.builder(new VertxOptions()).build();
    JsonObject config = TestConfiguration.defaults().mergeIn(new JsonObject()
        .put("gateway", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
        .put("security", new JsonObject().put("auth_enabled", false)), true);
    GatewayVerticle gateway = await(Deployment.embedded(vertx, config).toCompletionStage().toCompletableFuture());
    port = gateway.actualPort();
  }

  @AfterEach
  void stop() {
    await(vertx.close().toCompletionStage().toCompletableFuture());
  }

  @Test
  void everyMeterIsScrapedWithTheValuesTheTrafficImplies() {
    Map<String, Double> before = scrape();
    try (TestSocket socket = TestSocket.open(vertx, port, "metered")) {
      Random random = new Random(9);
      for (int i = 0; i < 150; i++) {
        socket.sample(Messages.normal(random, 1, 3)[0]);
      }
      String fitted = "anomaly_refit_duration_seconds_count{algorithm=\"isolation_forest\"}";
      ClientStream.awaitCondition(() -> delta(before, scrape(), fitted) >= 1);
      for (int i = 0; i < 40; i++) {
        socket.sample(25, -25, 25);
      }
      socket.sendText("{not json");
      assertThat(socket.next().getJsonObject("error").getString("code")).isEqualTo("INVALID_JSON");
      String firing = "anomaly_alerts_total{severity=\"critical\",status=\"firing\"}";
      ClientStream.awaitCondition(() -> delta(before, scrape(), firing) >= 1);
      Map<String, Double> after = scrape();

      assertThat(sum(after, "anomaly_samples_scored_total") - sum(before, "anomaly_samples_scored_total"))
          .isEqualTo(190);
      assertThat(delta(before, after, "anomaly_samples_scored_total{algorithm=\"isolation_forest\",result=\"anomaly\"}"))
          .isGreaterThanOrEqualTo(20);
      assertThat(delta(before, after, "anomaly_messages_total{direction=\"in\",type=\"sample\"}")).isEqualTo(190);
      assertThat(delta(before, after, "anomaly_messages_total{direction=\"out\",type=\"response\"}"))
          .isGreaterThanOrEqualTo(191);
      assertThat(delta(before, after, "anomaly_errors_total{code=\"INVALID_JSON\"}")).isEqualTo(1);
      assertThat(delta(before, after, "anomaly_request_duration_seconds_count")).isEqualTo(190);
      assertThat(after.get("anomaly_connections{transport=\"websocket\"}")).isEqualTo(1);
      assertThat(after.get("anomaly_sessions")).isGreaterThanOrEqualTo(1);
      assertThat(after).containsKeys("anomaly_drift_detections_total{method=\"ks\"}", "anomaly_rate_limited_total",
          "anomaly_dropped_events_total", "anomaly_session_evictions_total",
          "anomaly_alerts_total{severity=\"warning\",status=\"firing\"}");
      assertThat(after.keySet()).anyMatch(name -> name.startsWith("vertx_http_server_"))
          .anyMatch(name -> name.startsWith("vertx_eventbus_")).anyMatch(name -> name.startsWith("jvm_memory_used"));
    }
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
    return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
  }

  private static double sum(Map<String, Double> scrape, String metric) {
    return scrape.entrySet().stream().filter(e -> e.getKey().startsWith(metric + "{"))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  /** @return every series of the Prometheus text, by its name with labels */
  private Map<String, Double> scrape() {
    HttpClient client = vertx.createHttpClient();
    try {
      String text = await(client.request(HttpMethod.GET, port, "127.0.0.1", "/metrics")
          .compose(request -> request.send()).compose(response -> response.body())
          .map(Object::toString).toCompletionStage().toCompletableFuture());
      Map<String, Double> series = new HashMap<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          int space = line.lastIndexOf(' ');
          series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
      }
      return series;
    } finally {
      client.close();
    }
  }
}
