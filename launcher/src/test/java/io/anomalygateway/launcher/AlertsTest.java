package io.anomalygateway.launcher;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ErrorCode;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts verticle: an anomaly storm makes one alert per cooldown, then a "resolved" once the rate falls; rules
 * reload without a restart.
 */
@Timeout(90)
class AlertsTest extends EmbeddedGatewayTest {

  private Path rules;

  @Override
  protected JsonObject configChanges() {
    try {
      rules = Files.createTempFile("alerts", ".json");
      Files.writeString(rules, rulesJson(0.2, 60).encode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JsonObject().put("alerts", new JsonObject().put("rules_file", rules.toString())
        .put("reload_interval", 0.2));
  }

  private static JsonObject rulesJson(double threshold, double cooldown) {
    return new JsonObject().put("rules", new JsonArray().add(new JsonObject()
        .put("name", "storm").put("type", "anomaly_rate").put("severity", "critical")
        .put("window", 100).put("min_samples", 20).put("threshold", threshold).put("cooldown", cooldown)));
  }

  @Test
  void aStormOfAnomaliesMakesOneAlertPerCooldownThenAResolvedOne() {
    try (TestSocket watcher = open("storm-watch"); TestSocket producer = open("storm")) {
      watcher.request(TopicsTest.subscribe("alerts", "all"));
      TopicsTest.fitThenFlag(producer, 0);
      double[][] outliers = new double[1000][];
      for (int i = 0; i < outliers.length; i++) {
        outliers[i] = new double[] {25 + i % 7, -25, 25};
      }
      JsonObject storm = producer.request(Messages.batch(outliers));
      assertThat(storm.getInteger("anomalies")).isGreaterThan(900);
      for (int i = 0; i < 20; i++) {
        producer.request(Messages.batch(new double[][] {{30, 30, -30}, {-30, 30, 30}}));
      }
      JsonObject fired = watcher.nextOf("alert");
      assertThat(fired.getString("status")).isEqualTo("firing");
      assertThat(fired.getString("session_id")).isEqualTo("storm");
      assertThat(fired.getString("severity")).isEqualTo("critical");
      assertThat(fired.getString("rule")).isEqualTo("storm");
      assertThat(fired.getDouble("value")).isGreaterThan(0.2);
      assertThat(fired.getDouble("threshold")).isEqualTo(0.2);
      assertThat(fired.getJsonObject("metadata").getString("title")).contains("storm");
      assertThat(fired.getJsonObject("metadata").getString("message")).contains("anomalous");
      producer.request(Messages.batch(Messages.normal(new Random(9), 200, 3)));
      JsonObject resolved = watcher.nextOf("alert");
      assertThat(resolved.getString("status")).isEqualTo("resolved");
      assertThat(resolved.getString("alert_id")).isEqualTo(fired.getString("alert_id"));
      watcher.request(Messages.of("ping"));
      List<JsonObject> rest = watcher.drain();
      assertThat(rest).noneMatch(m -> "alert".equals(m.getString("type")));
    }
  }

  @Test
  void reloadsRulesWithoutARestart() throws IOException {
    Files.writeString(rules, rulesJson(0.3, 5).encode());
    JsonObject loaded = TestSocket.await(vertx.eventBus().<JsonObject>request(Addresses.ALERTS_RELOAD,
        new JsonObject())).body();
    JsonObject rule = loaded.getJsonArray("rules").getJsonObject(0);
    assertThat(rule.getDouble("threshold")).isEqualTo(0.3);
    assertThat(rule.getDouble("cooldown")).isEqualTo(5.0);
  }

  @Test
  void keepsTheRulesInForceWhenTheFileIsInvalid() throws IOException {
    Files.writeString(rules, "{\"rules\":[{\"name\":\"x\",\"type\":\"nonsense\"}]}");
    Throwable failure = TestSocket.await(vertx.eventBus().request(Addresses.ALERTS_RELOAD, new JsonObject())
        .map(m -> (Throwable) null).otherwise(e -> e));
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("unknown type");
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(ErrorCode.INVALID_CONFIG.failureCode());
  }

  @Test
  void aRulesFileThatIsNotJsonIsRefusedWithTheReason() throws IOException {
    Files.writeString(rules, "{\"rules\": [");
    Throwable failure = TestSocket.await(vertx.eventBus().request(Addresses.ALERTS_RELOAD, new JsonObject())
        .map(m -> (Throwable) null).otherwise(e -> e));
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(ErrorCode.INVALID_CONFIG.failureCode());
    assertThat(failure.getMessage()).contains(rules.toString()).doesNotContain(ErrorCode.INTERNAL_ERROR.code());
  }
}
