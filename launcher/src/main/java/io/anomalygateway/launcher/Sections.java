package io.anomalygateway.launcher;

import io.anomalygateway.alerts.AlertsOptions;
import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.PersistenceOptions;
import io.anomalygateway.drift.DriftOptions;
import io.anomalygateway.gateway.CircuitOptions;
import io.anomalygateway.gateway.GatewayOptions;
import io.anomalygateway.gateway.TcpBridgeOptions;
import io.anomalygateway.gateway.security.SecurityOptions;
import io.anomalygateway.runtime.capacity.CapacityOptions;
import io.anomalygateway.runtime.cluster.ClusterOptions;

import java.util.List;

/**
 * Every section of the configuration, with the record that reads it and what it is about. The launcher is the one
 * module that sees every verticle, so this is where the whole configuration is known: checked before anything
 * starts, explained, and described in {@code docs/configuration.md}.
 *
 * @param name the section's key in the file
 * @param type its settings record
 * @param about one line on what the section configures
 */
record Sections(String name, Class<?> type, String about) {

  /** In the order of the packaged defaults and of the reference. */
  static final List<Sections> ALL = List.of(
      new Sections("gateway", GatewayOptions.class, "the WebSocket endpoint, its limits and its timers"),
      new Sections("detector", DetectorOptions.class,
          "new sessions' defaults, the algorithms' parameters and the detector's resources"),
      new Sections("drift", DriftOptions.class, "drift requests and continuous drift monitoring"),
      new Sections("cluster", ClusterOptions.class, "how instances find each other, and detector snapshots"),
      new Sections("capacity", CapacityOptions.class, "memory budgets and what one token may take of them"),
      new Sections("circuit", CircuitOptions.class, "when the gateway stops sending to a failing worker instance"),
      new Sections("persistence", PersistenceOptions.class, "where a detector alone keeps its sessions"),
      new Sections("alerts", AlertsOptions.class, "the alert rules file and alert state"),
      new Sections("tcp_bridge", TcpBridgeOptions.class, "the TCP event-bus bridge for services"),
      new Sections("security", SecurityOptions.class, "tokens, origins and per-role and per-address limits"));
}
