package io.anomalygateway.alerts;

import io.vertx.core.json.JsonObject;


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
public record AlertRule(String name, RuleType type, Severity severity, double threshold, int window, int minSamples,
                        double cooldownSeconds, double resolveRatio) {

  /** Validates the rule. */
  public AlertRule {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("every rule needs a name");
    }
    if (type != RuleType.DRIFT && !(threshold > 0)) {
      throw new IllegalArgumentException("rule " + name + ": threshold must be positive");
    }
    if (type == RuleType.ANOMALY_RATE && (window < 1 || window > 100_000 || minSamples < 1 || minSamples > window)) {
      throw new IllegalArgumentException("rule " + name + ": window must be 1 to 100000, min_samples 1 to window");
    }
    if (!(cooldownSeconds >= 0) || !(resolveRatio > 0 && resolveRatio <= 1)) {
      throw new IllegalArgumentException("rule " + name + ": cooldown must be >= 0 and resolve_ratio in (0, 1]");
    }
  }

  /**
   * @param json one entry of {@code rules}
   * @return the rule
   * @throws IllegalArgumentException when it is invalid, naming the rule
   */
  public static AlertRule fromJson(JsonObject json) {
    Object name = json.getValue("name");
    try {
      return new AlertRule(json.getString("name"), RuleType.ofWireName(json.getString("type")),
          Severity.ofWireName(json.getString("severity", "warning")), json.getDouble("threshold", 0.0),
          json.getInteger("window", 100), json.getInteger("min_samples", json.getInteger("window", 100)),
          json.getDouble("cooldown", 60.0), json.getDouble("resolve_ratio", 0.8));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("rule " + name + ": a value has the wrong type");
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("rule ") ? e : new IllegalArgumentException("rule " + name + ": "
          + e.getMessage());
    }
  }
}
