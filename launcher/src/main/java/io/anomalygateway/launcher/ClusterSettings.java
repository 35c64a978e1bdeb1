package io.anomalygateway.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a clustered node finds the others: command-line flags first, then environment variables (for containers),
 * then the defaults, which form a cluster of processes on one machine.
 *
 * @param name the cluster's name: nodes of other names never join it
 * @param members where the first nodes listen, {@code host[:port][-port]}
 * @param host the interface this node binds and advertises (Hazelcast and the event bus)
 * @param port the first Hazelcast port to try; the next ones are tried when it is taken
 * @param busPort the event bus's TCP port, 0 for any free one
 * @param configFile a Hazelcast XML configuration replacing the packaged {@code config/cluster.xml}, or {@code null}
 */
record ClusterSettings(String name, List<String> members, String host, int port, int busPort, Path configFile) {

  /** The default cluster name. */
  static final String DEFAULT_NAME = "anomaly-gateway";
  /** The default interface: this machine only. */
  static final String DEFAULT_HOST = "127.0.0.1";
  /** Hazelcast's usual first port. */
  static final int DEFAULT_PORT = 5701;
  /** How many ports after the first one a node may take, so that several nodes share a machine. */
  static final int PORT_COUNT = 20;

  /** The environment variables read when the flag is absent. */
  static final String ENV_NAME = "ANOMALY_CLUSTER_NAME";
  static final String ENV_MEMBERS = "ANOMALY_CLUSTER_MEMBERS";
  static final String ENV_HOST = "ANOMALY_CLUSTER_HOST";
  static final String ENV_PORT = "ANOMALY_CLUSTER_PORT";
  static final String ENV_BUS_PORT = "ANOMALY_BUS_PORT";

  /**
   * @param flags the values of the {@code --cluster-*} flags given, by flag name without dashes
   * @param env the environment
   * @return the settings
   * @throws IllegalArgumentException with a message for the user when a value is wrong
   */
  static ClusterSettings resolve(Map<String, String> flags, Map<String, String> env) {
    String name = pick(flags.get("cluster-name"), env.get(ENV_NAME), DEFAULT_NAME);
    String host = pick(flags.get("cluster-host"), env.get(ENV_HOST), DEFAULT_HOST);
    int port = port(pick(flags.get("cluster-port"), env.get(ENV_PORT), Integer.toString(DEFAULT_PORT)),
        "--cluster-port", 1);
    int busPort = port(pick(flags.get("bus-port"), env.get(ENV_BUS_PORT), "0"), "--bus-port", 0);
    String memberList = pick(flags.get("cluster-members"), env.get(ENV_MEMBERS), null);
    List<String> members = new ArrayList<>();
    if (memberList == null) {
      members.add(host + ":" + port + "-" + (port + PORT_COUNT - 1));
    } else {
      for (String member : memberList.split(",")) {
        if (!member.isBlank()) {
          members.add(member.trim());
        }
      }
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException("--cluster-members needs at least one host[:port]");
    }
    String file = flags.get("cluster-config");
    return new ClusterSettings(name, List.copyOf(members), host, port, busPort, file == null ? null : Path.of(file));
  }

  private static String pick(String flag, String env, String fallback) {
    if (flag != null) {
      return flag;
    }
    return env != null && !env.isBlank() ? env.trim() : fallback;
  }

  /**
   * @param text a port number given on the command line or in the environment
   * @param flag the flag it came with, for the message
   * @param min the smallest port allowed (0 for "any free port")
   * @return the port
   * @throws IllegalArgumentException with a message for the user when it is not a port number
   */
  static int port(String text, String flag, int min) {
    try {
      int port = Integer.parseInt(text);
      if (port < min || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a port number from " + min + " to 65535, got " + text);
    }
  }
}
