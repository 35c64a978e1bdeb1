package io.anomalygateway.launcher;

import io.anomalygateway.gateway.GatewayOptions;
import io.anomalygateway.runtime.config.PackagedDefaults;
import io.anomalygateway.runtime.config.Settings;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration's layers, and an operator's file checked against the packaged defaults before anything starts:
 * unknown keys and values of the wrong kind are refused, each section is validated as a whole, and every message
 * names the source, the section, the key and the value.
 */
class ConfigurationTest {

  @TempDir
  Path dir;

  private Path file(String json) throws IOException {
    return Files.writeString(dir.resolve("operator.json"), json);
  }

  private static JsonObject load(Path file) {
    return Configuration.load(file, Map.of(), new JsonObject()).effective();
  }

  @Test
  void aFileOnlyNeedsTheKeysItChanges() throws IOException {
    JsonObject config = load(file("{\"gateway\": {\"max_connections\": 5000}}"));
    assertThat(config.getJsonObject("gateway").getInteger("max_connections")).isEqualTo(5000);
    assertThat(config.getJsonObject("gateway").getInteger("port")).isEqualTo(8000);
    assertThat(config.getJsonObject("detector").getInteger("buffer_size")).isEqualTo(1000);
  }

  @Test
  void everySectionsDefaultsAreThePackagedFile() {
    for (Sections section : Sections.ALL) {
      Object defaults = Settings.read(null, section.name(), section.type());
      assertThat(Settings.toJson(defaults)).as(section.name()).isEqualTo(PackagedDefaults.section(section.name()));
    }
    assertThat(Sections.ALL.stream().map(Sections::name).toList())
        .containsExactlyElementsOf(PackagedDefaults.all().fieldNames());
  }

  @Test
  void everySectionSurvivesARoundTrip() {
    for (Sections section : Sections.ALL) {
      Object defaults = Settings.read(null, section.name(), section.type());
      assertThat(Settings.bind(Settings.toJson(defaults), section.name(), section.type())).isEqualTo(defaults);
    }
  }

  @Test
  void anEmptyFileChangesNothing() throws IOException {
    assertThat(load(file("{}"))).isEqualTo(PackagedDefaults.all());
    assertThat(load(null)).isEqualTo(PackagedDefaults.all());
  }

  @Test
  void layersApplyInOrderDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
    Path file = file("{\"gateway\": {\"port\": 8100, \"host\": \"127.0.0.1\", \"max_connections\": 10},"
        + " \"detector\": {\"trees\": 60}}");
    Map<String, String> env = Map.of("ANOMALY_GATEWAY_PORT", "8200", "ANOMALY_GATEWAY_HOST", "::1",
        "ANOMALY_DETECTOR_TREES", "70", "ANOMALY_CLUSTER_NAME", "prod");
    JsonObject flags = new JsonObject().put("gateway", new JsonObject().put("port", 8300));
    LayeredConfiguration config = Configuration.load(file, env, flags);
    JsonObject gateway = config.effective().getJsonObject("gateway");
    assertThat(gateway.getInteger("port")).isEqualTo(8300);
    assertThat(gateway.getString("host")).isEqualTo("::1");
    assertThat(gateway.getInteger("max_connections")).isEqualTo(10);
    assertThat(gateway.getString("request_timeout")).isEqualTo("30s");
    assertThat(config.effective().getJsonObject("detector").getInteger("trees")).isEqualTo(70);
    assertThat(config.sourceOf("gateway", "port")).isEqualTo("command line");
    assertThat(config.sourceOf("gateway", "host")).isEqualTo("environment");
    assertThat(config.sourceOf("gateway", "max_connections")).isEqualTo(file.toString());
    assertThat(config.sourceOf("gateway", "request_timeout")).isEqualTo("packaged defaults");
  }

  @Test
  void explainNamesEachValuesSourceAndHidesSecrets() throws IOException {
    Path file = file("{\"security\": {\"jwt_secret\": \"0123456789abcdef0123456789abcdef\"}}");
    String explained = Configuration.load(file, Map.of("ANOMALY_GATEWAY_PORT", "8200"), new JsonObject())
        .explain();
    assertThat(explained).containsPattern("gateway\\.port +8200 +environment")
        .containsPattern("security\\.jwt_secret +\\(set\\) +" + java.util.regex.Pattern.quote(file.toString()))
        .containsPattern("detector\\.trees +100 +packaged defaults")
        .doesNotContain("0123456789abcdef");
  }

  @Test
  void durationsTakeAUnitOrSecondsAsBefore() throws IOException {
    JsonObject gateway = load(file("{\"gateway\": {\"request_timeout\": 5, \"ping_interval\": \"250ms\"}}"))
        .getJsonObject("gateway");
    assertThat(gateway.getValue("request_timeout")).isEqualTo(5);
    assertThat(gateway.getString("ping_interval")).isEqualTo("250ms");
    assertThatThrownBy(() -> load(file("{\"gateway\": {\"request_timeout\": \"5 parsecs\"}}")))
        .hasMessageContaining("request_timeout")
        .hasMessageContaining("5 parsecs");
  }

  @Test
  void aBareNumberIsSecondsInEveryLayer() {
    JsonObject flags = SettingFlags.apply(new JsonObject(), Map.of("gateway.ping_timeout", "7",
        "gateway.ping_interval", "250ms"));
    JsonObject gateway = Configuration.load(null, Map.of("ANOMALY_GATEWAY_REQUEST_TIMEOUT", "30"), flags)
        .effective().getJsonObject("gateway");
    GatewayOptions options = Settings.bind(gateway, "gateway", GatewayOptions.class);
    assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.pingTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(options.pingInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void theNodeIdIsNotASetting() throws IOException {
    Path file = file("{\"cluster\": {\"node_id\": \"mine\"}}");
    assertThatThrownBy(() -> load(file)).hasMessageStartingWith(file.toString())
        .hasMessageContaining("cluster.node_id is not a setting");
    assertThatThrownBy(() -> Configuration.load(null, Map.of("ANOMALY_CLUSTER_NODE_ID", "mine"), new JsonObject()))
        .hasMessageStartingWith("environment");
  }

  @Test
  void anEnvironmentValueOfTheWrongKindIsRefusedNamingTheEnvironment() {
    assertThatThrownBy(() -> Configuration.load(null, Map.of("ANOMALY_GATEWAY_PORT", "eighty"), new JsonObject()))
        .hasMessageStartingWith("environment: gateway.port must be a whole number, got \"eighty\"");
  }

  @Test
  void aMisspeltKeyStopsTheStartNamingTheKeyItsSectionAndTheFile() throws IOException {
    Path file = file("{\"gateway\": {\"max_conections\": 5000}}");
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("unknown key \"max_conections\" in section \"gateway\"")
        .hasMessageContaining("did you mean \"max_connections\"?");
  }

  @Test
  void anUnknownSectionIsNamed() throws IOException {
    Path file = file("{\"detecter\": {\"buffer_size\": 500}}");
    assertThatThrownBy(() -> load(file))
        .hasMessageContaining(file.toString()).hasMessageContaining("unknown section \"detecter\"")
        .hasMessageContaining("did you mean \"detector\"?");
  }

  @Test
  void aNestedKeyIsCheckedToo() throws IOException {
    Path file = file("{\"security\": {\"rate_limits\": {\"producer\": {\"samples_per_secnd\": 10}}}}");
    assertThatThrownBy(() -> load(file))
        .hasMessageContaining("unknown key \"samples_per_secnd\" in section \"security.rate_limits.producer\"");
  }

  @Test
  void aValueOfTheWrongKindIsRefusedWithTheValue() throws IOException {
    assertThatThrownBy(() -> load(file("{\"gateway\": {\"max_connections\": \"5000\"}}")))
        .hasMessageContaining("gateway.max_connections must be a whole number, got \"5000\"");
    assertThatThrownBy(() -> load(file("{\"gateway\": {\"max_connections\": 50.5}}")))
        .hasMessageContaining("gateway.max_connections must be a whole number, got 50.5");
    assertThatThrownBy(() -> load(file("{\"security\": {\"auth_enabled\": \"no\"}}")))
        .hasMessageContaining("security.auth_enabled must be true or false, got \"no\"");
  }

  @Test
  void loweringAMaximumBelowTheValueItBoundsIsRefusedWhateverTheOrder() throws IOException {
    Path file = file("{\"drift\": {\"max_window_size\": 100}}");
    assertThatThrownBy(() -> load(file))
        .hasMessageStartingWith(file + ", section \"drift\": ")
        .hasMessageContaining("window_size (200) must be at most max_window_size (100)");
    String expected = "window_size (300) must be at most max_window_size (250)";
    assertThatThrownBy(() -> load(file(
        "{\"drift\": {\"max_window_size\": 250, \"window_size\": 300}}"))).hasMessageContaining(expected);
    assertThatThrownBy(() -> load(file(
        "{\"drift\": {\"window_size\": 300, \"max_window_size\": 250}}"))).hasMessageContaining(expected);
  }

  @Test
  void everySectionIsValidatedWithItsValuesNamed() throws IOException {
    assertThatThrownBy(() -> load(file("{\"detector\": {\"min_samples\": 2000}}")))
        .hasMessageContaining("section \"detector\": min_samples (2000) must be at most buffer_size (1000)");
    assertThatThrownBy(() -> load(file("{\"gateway\": {\"batch_size\": 20000}}")))
        .hasMessageContaining("section \"gateway\": batch_size (20000) must be at most max_batch_size (10000)");
    assertThatThrownBy(() -> load(file("{\"cluster\": {\"presence_timeout\": 0.4}}")))
        .hasMessageContaining("presence_timeout (400ms) must be longer than presence_interval (500ms)");
    assertThatThrownBy(() -> load(file("{\"alerts\": {\"reload_interval\": -1}}")))
        .hasMessageContaining("section \"alerts\": reload_interval (-1s) must be positive");
    assertThatThrownBy(() -> load(file("{\"drift\": {\"alpha\": 1.0}}")))
        .hasMessageContaining("section \"drift\": alpha (1.0) must be above 0 and below 1");
  }

  @Test
  void aFileThatIsNotJsonIsNamed() throws IOException {
    Path file = file("{\"gateway\": ");
    assertThatThrownBy(() -> load(file)).hasMessageStartingWith(file + " is not a JSON object");
  }

  @Test
  void theReferenceInDocsIsGeneratedFromTheRecords() throws IOException {
    Path docs = Path.of("..", "docs", "configuration.md");
    assertThat(Files.readString(docs))
        .as("docs/configuration.md is generated: run `java -jar launcher/target/anomaly-gateway.jar config "
            + "--reference > docs/configuration.md`")
        .isEqualTo(ConfigReference.markdown());
  }

  @Test
  void theReferenceNamesEveryKeyOfTheDefaults() {
    String reference = ConfigReference.markdown();
    JsonObject defaults = PackagedDefaults.all();
    for (String section : defaults.fieldNames()) {
      assertThat(reference).contains("## `" + section + "`");
      for (String key : defaults.getJsonObject(section).fieldNames()) {
        assertThat(reference).contains("| `" + key + "` |");
      }
    }
  }
}
