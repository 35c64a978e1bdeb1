package io.anomalygateway.launcher;

import com.hazelcast.config.Config;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchOptionsTest {

  @Test
  void withoutFlagsOneProcessRunsEveryRoleOnTheLocalBus() {
    LaunchOptions options = LaunchOptions.parse(new String[0], Map.of());
    assertThat(options.cluster()).isNull();
    assertThat(options.roles()).isEqualTo(EnumSet.allOf(NodeRole.class));
  }

  @Test
  void rolesAndClusterFlagsNeedCluster() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--roles", "detector"}, Map.of()))
        .hasMessageContaining("--cluster");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--cluster-host", "10.0.0.1"}, Map.of()))
        .hasMessageContaining("--cluster");
  }

  @Test
  void clusterFlagsTakeRolesAndInstances() {
    LaunchOptions options = LaunchOptions.parse(new String[] {"--cluster", "--roles", "detector,drift",
        "--instances", "detector=4"}, Map.of());
    assertThat(options.roles()).containsExactlyInAnyOrder(NodeRole.DETECTOR, NodeRole.DRIFT);
    assertThat(options.instances()).containsEntry(NodeRole.DETECTOR, 4);
    assertThat(options.cluster().members()).containsExactly("127.0.0.1:5701-5720");
  }

  @Test
  void unknownRolesAndBadCountsAreRefusedWithAMessage() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--cluster", "--roles", "oracle"}, Map.of()))
        .hasMessageContaining("Unknown role");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--instances", "detector=0"}, Map.of()))
        .hasMessageContaining("count");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--port", "70000"}, Map.of()))
        .hasMessageContaining("--port");
  }

  @Test
  void environmentSetsTheClusterAndFlagsWinOverIt() {
    Map<String, String> env = Map.of(ClusterSettings.ENV_MEMBERS, "10.0.0.4,10.0.0.5:5801",
        ClusterSettings.ENV_HOST, "10.0.0.5", ClusterSettings.ENV_NAME, "prod");
    ClusterSettings settings = LaunchOptions.parse(new String[] {"--cluster", "--cluster-name", "staging"}, env)
        .cluster();
    assertThat(settings.members()).containsExactly("10.0.0.4", "10.0.0.5:5801");
    assertThat(settings.host()).isEqualTo("10.0.0.5");
    assertThat(settings.name()).isEqualTo("staging");
  }

  @Test
  void hazelcastGetsEveryMemberPortSpelledOutAndTcpJoinOnly() {
    ClusterSettings settings = LaunchOptions.parse(new String[] {"--cluster", "--cluster-members",
        "10.0.0.4,10.0.0.5:5801-5803", "--cluster-host", "10.0.0.6", "--cluster-port", "6000"}, Map.of()).cluster();
    Config config = ClusterNode.hazelcastConfig(settings);
    List<String> members = config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers();
    assertThat(members).hasSize(ClusterSettings.PORT_COUNT + 3)
        .contains("10.0.0.4:6000", "10.0.0.4:6019", "10.0.0.5:5801", "10.0.0.5:5803");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.6");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(6000);
    assertThat(config.getMapConfigs().get("anomaly.snapshots").getBackupCount()).isGreaterThanOrEqualTo(1);
  }
}
