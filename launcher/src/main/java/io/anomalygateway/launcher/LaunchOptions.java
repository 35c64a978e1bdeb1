package io.anomalygateway.launcher;

import java.util.Map;
import java.util.Set;

/**
 * What {@code serve} was asked to run, once its command line is read and checked.
 *
 * @param cluster where to find the other nodes, or {@code null} to run alone on the local event bus
 * @param roles the parts this process runs
 * @param instances verticle instances per worker role (1 when absent)
 * @param jsonLogs whether logs are JSON lines rather than text for people
 * @param metricsPort a port for {@code /metrics} of its own (nodes without a gateway), or {@code null}
 */
record LaunchOptions(ClusterSettings cluster, Set<NodeRole> roles, Map<NodeRole, Integer> instances,
                     boolean jsonLogs, Integer metricsPort) {
}
