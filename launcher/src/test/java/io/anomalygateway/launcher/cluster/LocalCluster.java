package io.anomalygateway.launcher.cluster;

import io.anomalygateway.launcher.NodeProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cluster of separate JVMs on loopback, each started from the packaged jar with its own roles. Every run gets its
 * own cluster name and first Hazelcast port, so that it never joins another run or an operator's cluster.
 */
final class LocalCluster implements AutoCloseable {

  static final Pattern JOINED = Pattern.compile("Cluster node (\\S+) joined");
  static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
  static final Pattern METRICS = Pattern.compile("Metrics on http://[^:]+:(\\d+)/metrics");
  static final Pattern DETECTOR_INSTANCE = Pattern.compile("Detector instance (\\S+) serving");
  private static final long START_SECONDS = 90;

  private final Path jar;
  private final Path logs;
  private final Path config;
  private final String name = "it-" + UUID.randomUUID();
  private final int firstPort = freePort();
  private final List<NodeProcess> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param jar the launcher's fat jar
   * @param logs where each node's log goes
   * @param config the configuration file every node reads
   */
  LocalCluster(Path jar, Path logs, String config) {
    this.jar = jar;
    this.logs = logs;
    // An interrupted build must not leave nodes behind: they would hold ports and CPU until killed by hand.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> nodes.forEach(NodeProcess::kill), "stop-test-cluster"));
    try {
      Files.createDirectories(logs);
      this.config = Files.writeString(logs.resolve("config.json"), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts nodes side by side and waits until every one has joined and deployed its verticles. */
  List<NodeProcess> start(String... namesAndRoles) {
    List<NodeProcess> started = new ArrayList<>();
    for (int i = 0; i < namesAndRoles.length; i += 2) {
      started.add(launch(namesAndRoles[i], namesAndRoles[i + 1]));
    }
    CompletableFuture.allOf(started.stream()
        .map(node -> CompletableFuture.runAsync(() -> node.await(JOINED, START_SECONDS)))
        .toArray(CompletableFuture[]::new)).join();
    return started;
  }

  private NodeProcess launch(String nodeName, String roles) {
    NodeProcess node = NodeProcess.start(nodeName, jar, logs, List.of("--cluster", "--roles", roles,
        "--cluster-name", name, "--cluster-port", Integer.toString(firstPort), "--host", "127.0.0.1",
        "--port", "0", "--no-auth", "--config", config.toString(), "--metrics-port", "0"));
    nodes.add(node);
    return node;
  }

  /** @return the HTTP port a gateway node printed */
  static int port(NodeProcess gateway) {
    return Integer.parseInt(gateway.await(LISTENING, START_SECONDS).group(1));
  }

  /** @return the port of a node's own metrics endpoint */
  static int metricsPort(NodeProcess node) {
    return Integer.parseInt(node.await(METRICS, START_SECONDS).group(1));
  }

  /** @return the id of the detector instance a node printed */
  static String detectorInstance(NodeProcess detector) {
    Matcher matcher = detector.await(DETECTOR_INSTANCE, START_SECONDS);
    return matcher.group(1);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return Math.min(socket.getLocalPort(), 65_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    nodes.forEach(NodeProcess::close);
  }
}
