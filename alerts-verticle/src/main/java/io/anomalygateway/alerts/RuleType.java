package io.anomalygateway.alerts;

import io.anomalygateway.protocol.WireNamed;
import io.anomalygateway.protocol.WireNames;

/** What an alert rule watches, as written in the {@code type} of a rule in {@code alerts.json}. */
public enum RuleType implements WireNamed {

  /** The share of anomalous samples among a session's most recent ones. */
  ANOMALY_RATE,
  /** Drift declared by the drift monitor for a session. */
  DRIFT,
  /** The share of failed requests on a gateway node. */
  ERROR_RATE,
  /** The 99th percentile of processing time on a gateway node, in milliseconds. */
  LATENCY_P99,
  /** Open connections as a share of {@code max_connections} on a gateway node. */
  CONNECTIONS;

  /**
   * @param name a name from {@link #wireName()}
   * @return the type
   * @throws IllegalArgumentException naming the known types when there is no such type
   */
  public static RuleType ofWireName(String name) {
    return WireNames.find(RuleType.class, name).orElseThrow(() -> new IllegalArgumentException(
        "unknown type '" + name + "'; the types are " + WireNames.list(RuleType.class)));
  }
}
