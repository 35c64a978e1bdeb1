package io.anomalygateway.alerts;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an alert rule watches, as written in the {@code type} of a rule in {@code alerts.json}. */
public enum RuleType {

  /** The share of anomalous samples among a session's most recent ones. */
  ANOMALY_RATE("anomaly_rate"),
  /** Drift declared by the drift monitor for a session. */
  DRIFT("drift"),
  /** The share of failed requests on a gateway node. */
  ERROR_RATE("error_rate"),
  /** The 99th percentile of processing time on a gateway node, in milliseconds. */
  LATENCY_P99("latency_p99"),
  /** Open connections as a share of {@code max_connections} on a gateway node. */
  CONNECTIONS("connections");

  private final String wireName;

  RuleType(String wireName) {
    this.wireName = wireName;
  }

  /** @return the name in {@code alerts.json} and in alert events ({@code rule_type}) */
  public String wireName() {
    return wireName;
  }

  /**
   * @param name a name from {@link #wireName()}
   * @return the type
   * @throws IllegalArgumentException naming the known types when there is no such type
   */
  public static RuleType ofWireName(String name) {
    for (RuleType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown type '" + name + "'; the types are "
        + Arrays.stream(values()).map(RuleType::wireName).collect(Collectors.joining(", ")));
  }
}
