package io.anomalygateway.alerts;

import io.vertx.core.json.JsonObject;

import java.util.Locale;

/**
 * One alert rule of {@code alerts.json}.
 *
 * @param name the rule's name, unique in the file
 * @param type what it watches: {@code anomaly_rate} (per session), {@code drift} (per session),
 *     {@code error_rate}, {@code latency_p99} or {@code connections} (per gateway node)
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param threshold the value above which the condition holds: a share for {@code anomaly_rate},
 *     {@code error_rate} and {@code connections} (of {@code max_connections}), milliseconds for
 *     {@code latency_p99}; unused for {@code drift}
 * @param window for {@code anomaly_rate}, the number of most recent samples the rate is taken over
 * @param minSamples for {@code anomaly_rate}, the samples needed before the rate is judged
 * @param cooldownSeconds the least time between two alerts of the rule for one subject while its condition holds
 * @param resolveRatio the condition clears once the value falls to {@code threshold * resolveRatio} or below
 */
public record AlertRule(String name, String type, String severity, double threshold, int window, int minSamples,
                        double cooldownSeconds, double resolveRatio) {

  /** Rule types. */
  public static final String ANOMALY_RATE = "anomaly_rate";
  /** Drift detected by the drift monitor. */
  public static final String DRIFT = "drift";
  /** Share of failed requests on a gateway node. */
  public static final String ERROR_RATE = "error_rate";
  /** 99th percentile of processing time on a gateway node. */
  public static final String LATENCY_P99 = "latency_p99";
  /** Open connections as a share of {@code max_connections} on a gateway node. */
  public static final String CONNECTIONS = "connections";

  /** Validates the rule. */
  public AlertRule {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("every rule needs a name");
    }
    if (!java.util.Set.of(ANOMALY_RATE, DRIFT, ERROR_RATE, LATENCY_P99, CONNECTIONS).contains(type)) {
      throw new IllegalArgumentException("rule " + name + ": unknown type '" + type + "'");
    }
    if (!java.util.Set.of("info", "warning", "critical").contains(severity)) {
      throw new IllegalArgumentException("rule " + name + ": severity must be info, warning or critical");
    }
    if (!DRIFT.equals(type) && !(threshold > 0)) {
      throw new IllegalArgumentException("rule " + name + ": threshold must be positive");
    }
    if (ANOMALY_RATE.equals(type) && (window < 1 || window > 100_000 || minSamples < 1 || minSamples > window)) {
      throw new IllegalArgumentException("rule " + name + ": window must be 1 to 100000, min_samples 1 to window");
    }
    if (!(cooldownSeconds >= 0) || !(resolveRatio > 0 && resolveRatio <= 1)) {
      throw new IllegalArgumentException("rule " + name + ": cooldown must be >= 0 and resolve_ratio in (0, 1]");
    }
  }

  /**
   * @param json one entry of {@code rules}
   * @return the rule
   * @throws IllegalArgumentException when it is invalid
   */
  public static AlertRule fromJson(JsonObject json) {
    try {
      return new AlertRule(json.getString("name"), json.getString("type"),
          json.getString("severity", "warning").toLowerCase(Locale.ROOT), json.getDouble("threshold", 0.0),
          json.getInteger("window", 100), json.getInteger("min_samples", json.getInteger("window", 100)),
          json.getDouble("cooldown", 60.0), json.getDouble("resolve_ratio", 0.8));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("rule " + json.getValue("name") + ": a value has the wrong type");
    }
  }

  /** @return whether the rule watches each session (as opposed to each gateway node) */
  public boolean perSession() {
    return ANOMALY_RATE.equals(type) || DRIFT.equals(type);
  }
}
