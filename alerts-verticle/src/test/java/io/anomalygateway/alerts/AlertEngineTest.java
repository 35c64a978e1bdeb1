package io.anomalygateway.alerts;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.ScoreSummary;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine fires an incident once, repeats it at most once per cooldown, resolves it, and forgets quiet state. */
class AlertEngineTest {

  private static final long SECOND = 1_000_000_000L;

  private final List<JsonObject> alerts = new ArrayList<>();
  private final AlertEngine engine = new AlertEngine((session, alert) -> alerts.add(alert), Duration.ofMinutes(30));

  private static AlertRule rate(double threshold) {
    return new AlertRule("rate", RuleType.ANOMALY_RATE, Severity.CRITICAL, threshold, 10, 10, 60, 0.5);
  }

  @Test
  void aHighAnomalyRateFiresOnceAndResolvesWhenItFalls() {
    engine.rules(List.of(rate(0.3)));
    engine.onScores(new ScoreSummary("s", 10, 5, Algorithm.ISOLATION_FOREST), 0);
    engine.onScores(new ScoreSummary("s", 1, 1, Algorithm.ISOLATION_FOREST), SECOND);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getString("status")).isEqualTo("firing");
    assertThat(alerts.get(0).getString("severity")).isEqualTo("critical");
    assertThat(alerts.get(0).getString("rule_type")).isEqualTo("anomaly_rate");
    engine.onScores(new ScoreSummary("s", 10, 0, Algorithm.ISOLATION_FOREST), 2 * SECOND);
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).getString("status")).isEqualTo("resolved");
    assertThat(alerts.get(1).getString("severity")).isEqualTo("info");
  }

  @Test
  void aRateBelowTheThresholdFiresNothing() {
    engine.rules(List.of(rate(0.3)));
    engine.onScores(new ScoreSummary("s", 10, 2, Algorithm.ISOLATION_FOREST), 0);
    assertThat(alerts).isEmpty();
  }

  @Test
  void aDriftIncidentResolvesAfterItsCooldownWithoutFurtherDrift() {
    engine.rules(List.of(new AlertRule("drift", RuleType.DRIFT, Severity.WARNING, 0, 1, 1, 300, 0.8)));
    engine.onDrift(new DriftEvent("s", 500, DriftMethod.KS, List.of(), false, false, 0), 0);
    assertThat(alerts).hasSize(1);
    engine.resolveQuietDrifts(299 * SECOND);
    assertThat(alerts).hasSize(1);
    engine.resolveQuietDrifts(300 * SECOND);
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).getString("status")).isEqualTo("resolved");
  }

  @Test
  void quietSubjectsWithoutAnOpenIncidentAreForgotten() {
    engine.rules(List.of(rate(0.3)));
    engine.onScores(new ScoreSummary("quiet", 10, 0, Algorithm.ISOLATION_FOREST), 0);
    engine.onScores(new ScoreSummary("firing", 10, 9, Algorithm.ISOLATION_FOREST), 0);
    assertThat(engine.forgetIdle(29 * 60 * SECOND)).isZero();
    assertThat(engine.forgetIdle(31 * 60 * SECOND)).isEqualTo(1);
  }
}
