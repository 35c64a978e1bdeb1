package io.anomalygateway.launcher;

import com.hazelcast.config.Config;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve}'s command line: roles, instances and cluster settings, flags over the environment. */
class ServeCommandTest {

  private static LaunchOptions parse(String[] args, Map<String, String> env) {
    ServeCommand serve = new ServeCommand();
    serve.env = env;
    new CommandLine(serve).parseArgs(args);
    return serve.launch();
  }

  @Test
  void optionsWithoutACommandAreServes() {
    CommandLine line = Main.commandLine();
    assertThat(Main.withDefaultCommand(line, new String[] {"--port", "0"})).containsExactly("serve", "--port", "0");
    assertThat(Main.withDefaultCommand(line, new String[0])).containsExactly("serve");
    assertThat(Main.withDefaultCommand(line, new String[] {"token", "--role", "viewer"})).startsWith("token");
    assertThat(Main.withDefaultCommand(line, new String[] {"--help"})).containsExactly("--help");
  }

  @Test
  void flagsBecomeTheLastLayerOfTheConfiguration() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--port", "9000", "--host", "127.0.0.1", "--no-auth", "--set",
        "detector.trees=50", "--set", "gateway.request_timeout=5s");
    assertThat(serve.flags().getJsonObject("gateway").getInteger("port")).isEqualTo(9000);
    assertThat(serve.flags().getJsonObject("gateway").getString("host")).isEqualTo("127.0.0.1");
    assertThat(serve.flags().getJsonObject("gateway").getString("request_timeout")).isEqualTo("5s");
    assertThat(serve.flags().getJsonObject("security").getBoolean("auth_enabled")).isFalse();
    assertThat(serve.flags().getJsonObject("detector").getInteger("trees")).isEqualTo(50);
  }

  @Test
  void withoutFlagsOneProcessRunsEveryRoleOnTheLocalBus() {
    LaunchOptions options = parse(new String[0], Map.of());
    assertThat(options.cluster()).isNull();
    assertThat(options.roles()).isEqualTo(EnumSet.allOf(NodeRole.class));
  }

  @Test
  void rolesAndClusterFlagsNeedCluster() {
    assertThatThrownBy(() -> parse(new String[] {"--roles", "detector"}, Map.of()))
        .hasMessageContaining("--cluster");
    assertThatThrownBy(() -> parse(new String[] {"--cluster-host", "10.0.0.1"}, Map.of()))
        .hasMessageContaining("--cluster");
  }

  @Test
  void everyRoleWithoutClusterIsTheAllInOneProcess() {
    assertThat(parse(new String[] {"--roles", "gateway,detector,drift,alerts"}, Map.of()).roles())
        .isEqualTo(EnumSet.allOf(NodeRole.class));
    assertThat(parse(new String[] {"--instances", "detector=2"}, Map.of()).instances())
        .containsEntry(NodeRole.DETECTOR, 2);
  }

  @Test
  void clusterFlagsTakeRolesAndInstances() {
    LaunchOptions options = parse(new String[] {"--cluster", "--roles", "detector,drift",
        "--instances", "detector=4"}, Map.of());
    assertThat(options.roles()).containsExactlyInAnyOrder(NodeRole.DETECTOR, NodeRole.DRIFT);
    assertThat(options.instances()).containsEntry(NodeRole.DETECTOR, 4);
    assertThat(options.cluster().members()).containsExactly("127.0.0.1:5701-5720");
  }

  @Test
  void unknownRolesAndBadCountsAreRefusedWithAMessage() {
    assertThatThrownBy(() -> parse(new String[] {"--cluster", "--roles", "oracle"}, Map.of()))
        .hasMessageContaining("Unknown role");
    assertThatThrownBy(() -> parse(new String[] {"--instances", "detector=0"}, Map.of()))
        .hasMessageContaining("count");
    assertThatThrownBy(() -> parse(new String[] {"--port", "70000"}, Map.of()))
        .hasMessageContaining("--port");
  }

  @Test
  void environmentSetsTheClusterAndFlagsWinOverIt() {
    Map<String, String> env = Map.of(ClusterSettings.ENV_MEMBERS, "10.0.0.4,10.0.0.5:5801",
        ClusterSettings.ENV_HOST, "10.0.0.5", ClusterSettings.ENV_NAME, "prod");
    ClusterSettings settings = parse(new String[] {"--cluster", "--cluster-name", "staging"}, env)
        .cluster();
    assertThat(settings.members()).containsExactly("10.0.0.4", "10.0.0.5:5801");
    assertThat(settings.host()).isEqualTo("10.0.0.5");
    assertThat(settings.name()).isEqualTo("staging");
  }

  @Test
  void hazelcastGetsEveryMemberPortSpelledOutAndTcpJoinOnly() {
    ClusterSettings settings = parse(new String[] {"--cluster", "--cluster-members",
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
