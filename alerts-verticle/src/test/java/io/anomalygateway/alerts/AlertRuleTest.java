package io.anomalygateway.alerts;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule of {@code alerts.json} reads into typed values, and a wrong one is refused naming the rule. */
class AlertRuleTest {

  @Test
  void readsTypeAndSeverityAsEnumsWithDefaults() {
    AlertRule rule = AlertRule.fromJson(new JsonObject().put("name", "burst").put("type", "anomaly_rate")
        .put("severity", "CRITICAL").put("threshold", 0.5).put("window", 20));
    assertThat(rule.type()).isEqualTo(RuleType.ANOMALY_RATE);
    assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule.minSamples()).isEqualTo(20);
    assertThat(rule.cooldownSeconds()).isEqualTo(60.0);
    assertThat(rule.resolveRatio()).isEqualTo(0.8);
    assertThat(AlertRule.fromJson(new JsonObject().put("name", "d").put("type", "drift")).severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void anUnknownTypeIsRefusedNamingTheRuleAndTheKnownTypes() {
    assertThatThrownBy(() -> AlertRule.fromJson(new JsonObject().put("name", "x").put("type", "nonsense")))
        .hasMessageStartingWith("rule x: unknown type 'nonsense'")
        .hasMessageContaining("anomaly_rate, drift, error_rate, latency_p99, connections");
  }

  @Test
  void anUnknownSeverityIsRefusedNamingTheRule() {
    assertThatThrownBy(() -> AlertRule.fromJson(new JsonObject().put("name", "x").put("type", "drift")
        .put("severity", "apocalyptic"))).hasMessageStartingWith("rule x: severity must be info, warning or critical");
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> AlertRule.fromJson(new JsonObject().put("name", "x").put("type", "error_rate")))
        .hasMessage("rule x: threshold must be positive");
    assertThatThrownBy(() -> AlertRule.fromJson(new JsonObject().put("name", "x").put("type", "anomaly_rate")
        .put("threshold", 0.2).put("window", 10).put("min_samples", 11))).hasMessageContaining("min_samples");
    assertThatThrownBy(() -> AlertRule.fromJson(new JsonObject().put("name", "x").put("type", "drift")
        .put("cooldown", -1))).hasMessageContaining("cooldown");
    assertThatThrownBy(() -> AlertRule.fromJson(new JsonObject().put("name", "x").put("type", "drift")
        .put("cooldown", "soon"))).hasMessage("rule x: a value has the wrong type");
  }
}
