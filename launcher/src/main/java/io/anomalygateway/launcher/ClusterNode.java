package io.anomalygateway.launcher;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.XmlConfigBuilder;
import io.anomalygateway.protocol.Addresses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a Vert.x instance on a Hazelcast-clustered event bus, and tells the verticles of this node at once when
 * another node leaves: Vert.x itself would let requests to a killed node wait for their whole send timeout.
 */
final class ClusterNode {

  /** The packaged Hazelcast configuration, copied from the repository's {@code config/} folder at build time. */
  static final String DEFAULT_CONFIG = "config/cluster.xml";

  /** The member attribute under which vertx-hazelcast keeps the event-bus node id of each member. */
  private static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

  private ClusterNode() {
  }

  /**
   * Joins (or forms) the cluster. Blocks only the calling thread: the launcher's main thread.
   *
   * @param settings where the other nodes are
   * @return the clustered Vert.x instance and this node's id
   */
  static Future<Joined> join(ClusterSettings settings) {
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcastConfig(settings));
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost(settings.host()).setPort(settings.busPort());
    return Telemetry.builder(options).withClusterManager(manager).buildClustered().map(vertx -> {
      announceDepartures(vertx, manager);
      Gauge.builder("anomaly.cluster.members", manager.getHazelcastInstance().getCluster(),
          cluster -> cluster.getMembers().size()).description("Nodes in the cluster, as this node sees it")
          .register(Metrics.globalRegistry);
      return new Joined(vertx, manager.getNodeId());
    });
  }

  /**
   * A node that has joined.
   *
   * @param vertx its Vert.x instance
   * @param nodeId its event-bus node id, the one {@link Addresses#NODE_LEFT} carries when it goes
   */
  record Joined(Vertx vertx, String nodeId) {
  }

  private static void announceDepartures(Vertx vertx, HazelcastClusterManager manager) {
    manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        LOG.info("Cluster node {} at {} joined; {} nodes", event.getMember().getAttribute(NODE_ID_ATTRIBUTE),
            event.getMember().getAddress(), event.getMembers().size());
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        String nodeId = event.getMember().getAttribute(NODE_ID_ATTRIBUTE);
        LOG.info("Cluster node {} at {} left; {} nodes", nodeId, event.getMember().getAddress(),
            event.getMembers().size());
        if (nodeId != null) {
          vertx.eventBus().publish(Addresses.NODE_LEFT, nodeId, new DeliveryOptions().setLocalOnly(true));
        }
      }
    });
  }

  /**
   * The packaged (or given) Hazelcast configuration with the settings of the command line laid over it.
   *
   * @param settings the cluster settings
   * @return the Hazelcast configuration
   */
  static Config hazelcastConfig(ClusterSettings settings) {
    Config config = load(settings);
    config.setClusterName(settings.name());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(ClusterSettings.PORT_COUNT);
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(settings.host()));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(expand(settings.members(), settings.port()));
    return config;
  }

  private static Config load(ClusterSettings settings) {
    try (InputStream in = settings.configFile() != null ? Files.newInputStream(settings.configFile())
        : ClusterNode.class.getClassLoader().getResourceAsStream(DEFAULT_CONFIG)) {
      if (in == null) {
        throw new IllegalStateException("The jar lacks its cluster configuration " + DEFAULT_CONFIG);
      }
      return new XmlConfigBuilder(in).build();
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read " + settings.configFile() + ": " + e.getMessage());
    }
  }

  /**
   * Hazelcast 5.3 reads {@code host:first-last} as a port it cannot parse, and a bare host as only three ports:
   * spell every port out so that twenty nodes may share one machine.
   *
   * @param members {@code host}, {@code host:port} or {@code host:first-last}
   * @param firstPort where a bare host's ports begin
   * @return one {@code host:port} per port
   */
  static List<String> expand(List<String> members, int firstPort) {
    List<String> addresses = new ArrayList<>();
    for (String member : members) {
      int colon = member.lastIndexOf(':');
      if (colon < 0 || member.endsWith("]")) {
        addresses.addAll(range(member, firstPort, firstPort + ClusterSettings.PORT_COUNT - 1));
        continue;
      }
      String host = member.substring(0, colon);
      String ports = member.substring(colon + 1);
      int dash = ports.indexOf('-');
      addresses.addAll(dash < 0 ? range(host, port(ports), port(ports))
          : range(host, port(ports.substring(0, dash)), port(ports.substring(dash + 1))));
    }
    return addresses;
  }

  private static int port(String text) {
    return ClusterSettings.port(text.trim(), "--cluster-members", 1);
  }

  private static List<String> range(String host, int first, int last) {
    if (last < first || last - first > 1000) {
      throw new IllegalArgumentException("--cluster-members: bad port range " + first + "-" + last + " for " + host);
    }
    List<String> addresses = new ArrayList<>();
    for (int port = first; port <= last; port++) {
      addresses.add(host + ":" + port);
    }
    return addresses;
  }

}
