package io.anomalygateway.launcher;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the server.
 *
 * @param port the port to listen on, or {@code null} for the configured one
 * @param host the interface to listen on, or {@code null} for the configured one
 * @param configFile a configuration file laid over the defaults, or {@code null}
 * @param noAuth whether authentication is off (refused unless the host is a loopback address)
 * @param cluster where to find the other nodes, or {@code null} to run alone on the local event bus
 * @param roles the parts this process runs
 * @param instances verticle instances per worker role (1 when absent)
 * @param jsonLogs whether logs are JSON lines rather than text for people
 * @param metricsPort a port for {@code /metrics} of its own (nodes without a gateway), or {@code null}
 */
record LaunchOptions(Integer port, String host, Path configFile, boolean noAuth, ClusterSettings cluster,
                     Set<NodeRole> roles, Map<NodeRole, Integer> instances, boolean jsonLogs, Integer metricsPort) {

  /** The environment variable that chooses the log format when the flag is absent. */
  static final String ENV_LOG_FORMAT = "ANOMALY_LOG_FORMAT";

  static final String USAGE = String.join("\n",
      "Usage: java -jar anomaly-gateway.jar [--port N] [--host HOST] [--config FILE] [--no-auth] [--log-format json]",
      "           [--cluster [--roles gateway,detector,drift,alerts] [--instances detector=N,...]",
      "            [--cluster-members HOST[:PORT],...] [--cluster-host HOST] [--cluster-port N]",
      "            [--cluster-name NAME] [--bus-port N] [--cluster-config hazelcast.xml]]",
      "       java -jar anomaly-gateway.jar token --role viewer|producer|admin --sub NAME [--sessions a,b*] [--ttl 1h]",
      "       java -jar anomaly-gateway.jar score | nab | drift-eval ...   (offline evaluation; see the README)",
      "  --port N            port to listen on (default 8000; 0 picks a free port)",
      "  --host HOST         interface to listen on (default 0.0.0.0)",
      "  --config FILE       JSON configuration laid over the defaults packaged in the jar",
      "  --no-auth           no tokens needed: local experiments only, refused unless HOST is a loopback address",
      "  --cluster           join a Hazelcast cluster instead of running alone on the local event bus",
      "  --roles LIST        the parts this process runs (default: all of them)",
      "  --instances LIST    verticle instances per worker role, e.g. detector=4 (default 1 each)",
      "  --cluster-members   where other nodes listen (env " + ClusterSettings.ENV_MEMBERS + "; default this "
          + "machine, ports 5701-5720)",
      "  --cluster-host      interface for cluster traffic (env " + ClusterSettings.ENV_HOST + "; default 127.0.0.1)",
      "  --cluster-port      first Hazelcast port to try (env " + ClusterSettings.ENV_PORT + "; default 5701)",
      "  --cluster-name      nodes of other names never join (env " + ClusterSettings.ENV_NAME + ")",
      "  --bus-port          the event bus's TCP port (env " + ClusterSettings.ENV_BUS_PORT + "; default any free)",
      "  --cluster-config    a Hazelcast XML file replacing the packaged config/cluster.xml",
      "  --log-format FMT    text (default) or json: one JSON object per line (env " + ENV_LOG_FORMAT + ")",
      "  --metrics-port N    serve /metrics on a port of its own (for nodes without the gateway role)",
      "  --help              print this help");

  private static final Set<String> CLUSTER_FLAGS = Set.of("cluster-members", "cluster-host", "cluster-port",
      "cluster-name", "bus-port", "cluster-config");

  /**
   * @param args the command-line arguments
   * @param env the environment, for the cluster settings
   * @return the options
   * @throws IllegalArgumentException with a message for the user when an argument is wrong
   */
  static LaunchOptions parse(String[] args, Map<String, String> env) {
    Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
    Integer port = null;
    String host = null;
    Path config = null;
    boolean noAuth = false;
    boolean clustered = false;
    Set<NodeRole> roles = EnumSet.allOf(NodeRole.class);
    Map<NodeRole, Integer> instances = new EnumMap<>(NodeRole.class);
    Map<String, String> clusterFlags = new HashMap<>();
    String logFormat = env.getOrDefault(ENV_LOG_FORMAT, "text");
    Integer metricsPort = null;
    while (!queue.isEmpty()) {
      String arg = queue.poll();
      switch (arg) {
        case "--port" -> port = ClusterSettings.port(value(queue, arg), "--port", 0);
        case "--host" -> host = value(queue, arg);
        case "--config" -> config = Path.of(value(queue, arg));
        case "--no-auth" -> noAuth = true;
        case "--cluster" -> clustered = true;
        case "--roles" -> roles = NodeRole.parseList(value(queue, arg));
        case "--instances" -> instances.putAll(parseInstances(value(queue, arg)));
        case "--log-format" -> logFormat = value(queue, arg);
        case "--metrics-port" -> metricsPort = ClusterSettings.port(value(queue, arg), "--metrics-port", 0);
        default -> {
          String flag = arg.startsWith("--") ? arg.substring(2) : arg;
          if (!CLUSTER_FLAGS.contains(flag)) {
            throw new IllegalArgumentException("Unknown argument: " + arg);
          }
          clusterFlags.put(flag, value(queue, arg));
        }
      }
    }
    if (!clustered && (!clusterFlags.isEmpty() || !roles.equals(EnumSet.allOf(NodeRole.class)))) {
      throw new IllegalArgumentException("--roles and the --cluster-* flags need --cluster: a process alone "
          + "runs every role");
    }
    if (!"text".equals(logFormat) && !"json".equals(logFormat)) {
      throw new IllegalArgumentException("--log-format takes text or json, got " + logFormat);
    }
    ClusterSettings cluster = clustered ? ClusterSettings.resolve(clusterFlags, env) : null;
    return new LaunchOptions(port, host, config, noAuth, cluster, roles, instances, "json".equals(logFormat),
        metricsPort);
  }

  private static Map<NodeRole, Integer> parseInstances(String list) {
    Map<NodeRole, Integer> instances = new EnumMap<>(NodeRole.class);
    for (String entry : list.split(",")) {
      String[] parts = entry.trim().split("=");
      NodeRole role = parts.length == 2 ? NodeRole.of(parts[0].trim()) : null;
      if (role == null || role == NodeRole.GATEWAY) {
        throw new IllegalArgumentException("--instances takes detector=N, drift=N or alerts=N, got " + entry);
      }
      try {
        int count = Integer.parseInt(parts[1].trim());
        if (count < 1 || count > 256) {
          throw new NumberFormatException();
        }
        instances.put(role, count);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--instances needs a count from 1 to 256, got " + entry);
      }
    }
    return instances;
  }

  private static String value(Deque<String> queue, String flag) {
    String value = queue.poll();
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }
}
