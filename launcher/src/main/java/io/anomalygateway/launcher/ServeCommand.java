package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code serve}, the default command: starts the whole system in one JVM on the local event bus, or with
 * {@code --cluster} the roles of one node of a cluster.
 */
@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Starts the server: every role in one JVM, or with --cluster the chosen roles of one node.")
final class ServeCommand implements Callable<Integer> {

  /** The environment variable that chooses the log format when the flag is absent. */
  static final String ENV_LOG_FORMAT = "ANOMALY_LOG_FORMAT";

  private static final List<String> CLUSTER_FLAGS = List.of("--cluster-members", "--cluster-host",
      "--cluster-port", "--cluster-name", "--bus-port", "--cluster-config");

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", converter = Port.class,
      description = "port to listen on (gateway.port; 0 picks a free port)")
  Integer port;
  @Option(names = "--host", paramLabel = "HOST", description = "interface to listen on (gateway.host)")
  String host;
  @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration laid over the defaults")
  Path config;
  @Option(names = "--set", paramLabel = "SECTION.KEY=VALUE",
      description = "one setting, over the file and the environment (JSON values; repeatable)")
  Map<String, String> settings = new LinkedHashMap<>();
  @Option(names = "--no-auth",
      description = "no tokens needed: local experiments only, refused unless HOST is a loopback address")
  boolean noAuth;
  @Option(names = "--cluster", description = "join a Hazelcast cluster instead of running alone on the local bus")
  boolean cluster;
  @Option(names = "--roles", paramLabel = "LIST", split = ",", converter = RoleName.class,
      description = "the parts this process runs: gateway, detector, drift, alerts (default: all)")
  Set<NodeRole> roles = EnumSet.allOf(NodeRole.class);
  @Option(names = "--instances", paramLabel = "ROLE=N", split = ",",
      description = "verticle instances per worker role, e.g. detector=4 (default 1 each)")
  Map<String, Integer> instances = new LinkedHashMap<>();
  @Option(names = "--cluster-members", paramLabel = "HOST[:PORT],...",
      description = "where other nodes listen (env " + ClusterSettings.ENV_MEMBERS + "; default this machine, "
          + "ports 5701-5720)")
  String clusterMembers;
  @Option(names = "--cluster-host", paramLabel = "HOST",
      description = "interface for cluster traffic (env " + ClusterSettings.ENV_HOST + "; default 127.0.0.1)")
  String clusterHost;
  @Option(names = "--cluster-port", paramLabel = "N",
      description = "first Hazelcast port to try (env " + ClusterSettings.ENV_PORT + "; default 5701)")
  String clusterPort;
  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "nodes of other names never join (env " + ClusterSettings.ENV_NAME + ")")
  String clusterName;
  @Option(names = "--bus-port", paramLabel = "N",
      description = "the event bus's TCP port (env " + ClusterSettings.ENV_BUS_PORT + "; default any free)")
  String busPort;
  @Option(names = "--cluster-config", paramLabel = "FILE",
      description = "a Hazelcast XML file replacing the packaged config/cluster.xml")
  String clusterConfig;
  @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:" + ENV_LOG_FORMAT + ":-text}",
      description = "text or json: one JSON object per line (env " + ENV_LOG_FORMAT + "; default ${DEFAULT-VALUE})")
  LogFormat logFormat;
  @Option(names = "--metrics-port", paramLabel = "N", converter = Port.class,
      description = "serve /metrics on a port of its own (for nodes without the gateway role)")
  Integer metricsPort;

  /** The environment the cluster settings fall back on; a test may give its own. */
  Map<String, String> env = System.getenv();

  /** Log formats. */
  enum LogFormat { text, json }

  @Override
  public Integer call() {
    LaunchOptions launch = launch();
    if (launch.jsonLogs()) {
      // Before the first logger exists: Logback reads this once, when it starts.
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    JsonObject effective;
    boolean generatedSecret;
    try {
      effective = Configuration.load(config, env, flags()).effective();
      JsonObject security = effective.getJsonObject("security");
      if (noAuth && !Secrets.isLoopback(effective.getJsonObject("gateway").getString("host"))) {
        throw new IllegalArgumentException("--no-auth is refused unless the server is bound to a loopback "
            + "address: add --host 127.0.0.1");
      }
      generatedSecret = Secrets.resolve(security, true);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("Not started: " + e.getMessage());
      return 2;
    }
    NodeStart.start(launch, effective, generatedSecret);
    return 0;
  }

  /**
   * @return the command line's roles, instances and cluster, checked
   * @throws ParameterException with a message for the user when they do not fit together
   */
  LaunchOptions launch() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (!cluster && (CLUSTER_FLAGS.stream().anyMatch(parsed::hasMatchedOption)
        || !roles.equals(EnumSet.allOf(NodeRole.class)))) {
      throw new ParameterException(spec.commandLine(), "--roles and the --cluster-* flags need "
          + "--cluster: a process alone runs every role");
    }
    Map<NodeRole, Integer> counts = new EnumMap<>(NodeRole.class);
    instances.forEach((name, count) -> {
      NodeRole role = NodeRole.of(name);
      if (role == NodeRole.GATEWAY || count < 1 || count > 256) {
        throw new ParameterException(spec.commandLine(), "--instances takes detector=N, drift=N or alerts=N "
            + "with a count from 1 to 256, got " + name + "=" + count);
      }
      counts.put(role, count);
    });
    Map<String, String> clusterFlags = new HashMap<>();
    put(clusterFlags, "cluster-members", clusterMembers);
    put(clusterFlags, "cluster-host", clusterHost);
    put(clusterFlags, "cluster-port", clusterPort);
    put(clusterFlags, "cluster-name", clusterName);
    put(clusterFlags, "bus-port", busPort);
    put(clusterFlags, "cluster-config", clusterConfig);
    ClusterSettings settings;
    try {
      settings = cluster ? ClusterSettings.resolve(clusterFlags, env) : null;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
    }
    return new LaunchOptions(settings, roles, counts, logFormat == LogFormat.json, metricsPort);
  }

  /** @return the settings the flags make, as a configuration layer */
  JsonObject flags() {
    JsonObject flags = new JsonObject();
    if (port != null) {
      section(flags, "gateway").put("port", port);
    }
    if (host != null) {
      section(flags, "gateway").put("host", host);
    }
    if (noAuth) {
      section(flags, "security").put("auth_enabled", false);
    }
    return SettingFlags.apply(flags, settings);
  }

  private static JsonObject section(JsonObject flags, String name) {
    if (!flags.containsKey(name)) {
      flags.put(name, new JsonObject());
    }
    return flags.getJsonObject(name);
  }

  private static void put(Map<String, String> flags, String name, String value) {
    if (value != null) {
      flags.put(name, value);
    }
  }

  /** A port number, with the flag named when it is not one. */
  static final class Port implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return ClusterSettings.port(value, "a port", 0);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("expected a port number from 0 to 65535, got " + value);
      }
    }
  }

  /** A role's name. */
  static final class RoleName implements CommandLine.ITypeConverter<NodeRole> {
    @Override
    public NodeRole convert(String value) {
      return NodeRole.of(value.trim());
    }
  }
}
