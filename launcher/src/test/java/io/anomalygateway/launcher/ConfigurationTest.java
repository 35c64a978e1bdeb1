package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator's configuration file is checked against the packaged defaults before anything starts: unknown keys and
 * values of the wrong kind are refused, each section is validated as a whole, and every message names the file, the
 * section, the key and the value.
 */
class ConfigurationTest {

  @TempDir
  Path dir;

  private Path file(String json) throws IOException {
    return Files.writeString(dir.resolve("operator.json"), json);
  }

  @Test
  void aFileOnlyNeedsTheKeysItChanges() throws IOException {
    JsonObject config = Configuration.load(file("{\"gateway\": {\"max_connections\": 5000}}"));
    assertThat(config.getJsonObject("gateway").getInteger("max_connections")).isEqualTo(5000);
    assertThat(config.getJsonObject("gateway").getInteger("port")).isEqualTo(8000);
    assertThat(config.getJsonObject("detector").getInteger("buffer_size")).isEqualTo(1000);
  }

  @Test
  void aMisspeltKeyStopsTheStartNamingTheKeyItsSectionAndTheFile() throws IOException {
    Path file = file("{\"gateway\": {\"max_conections\": 5000}}");
    assertThatThrownBy(() -> Configuration.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("unknown key \"max_conections\" in section \"gateway\"")
        .hasMessageContaining("did you mean \"max_connections\"?");
  }

  @Test
  void anUnknownSectionIsNamed() throws IOException {
    Path file = file("{\"detecter\": {\"buffer_size\": 500}}");
    assertThatThrownBy(() -> Configuration.load(file))
        .hasMessageContaining(file.toString()).hasMessageContaining("unknown section \"detecter\"")
        .hasMessageContaining("did you mean \"detector\"?");
  }

  @Test
  void aNestedKeyIsCheckedToo() throws IOException {
    Path file = file("{\"security\": {\"rate_limits\": {\"producer\": {\"samples_per_secnd\": 10}}}}");
    assertThatThrownBy(() -> Configuration.load(file))
        .hasMessageContaining("unknown key \"samples_per_secnd\" in section \"security.rate_limits.producer\"");
  }

  @Test
  void aValueOfTheWrongKindIsRefusedWithTheValue() throws IOException {
    assertThatThrownBy(() -> Configuration.load(file("{\"gateway\": {\"max_connections\": \"5000\"}}")))
        .hasMessageContaining("gateway.max_connections must be a whole number, got \"5000\"");
    assertThatThrownBy(() -> Configuration.load(file("{\"gateway\": {\"max_connections\": 50.5}}")))
        .hasMessageContaining("gateway.max_connections must be a whole number, got 50.5");
    assertThatThrownBy(() -> Configuration.load(file("{\"security\": {\"auth_enabled\": \"no\"}}")))
        .hasMessageContaining("security.auth_enabled must be true or false, got \"no\"");
  }

  @Test
  void loweringAMaximumBelowTheValueItBoundsIsRefusedWhateverTheOrder() throws IOException {
    Path file = file("{\"drift\": {\"max_window_size\": 100}}");
    assertThatThrownBy(() -> Configuration.load(file))
        .hasMessageStartingWith(file + ", section \"drift\": ")
        .hasMessageContaining("window_size (200) must be at most max_window_size (100)");
    String expected = "window_size (300) must be at most max_window_size (250)";
    assertThatThrownBy(() -> Configuration.load(file(
        "{\"drift\": {\"max_window_size\": 250, \"window_size\": 300}}"))).hasMessageContaining(expected);
    assertThatThrownBy(() -> Configuration.load(file(
        "{\"drift\": {\"window_size\": 300, \"max_window_size\": 250}}"))).hasMessageContaining(expected);
  }

  @Test
  void everySectionIsValidatedWithItsValuesNamed() throws IOException {
    assertThatThrownBy(() -> Configuration.load(file("{\"detector\": {\"min_samples\": 2000}}")))
        .hasMessageContaining("section \"detector\": 'min_samples' (2000) must be between 10 and 'buffer_size' "
            + "(1000)");
    assertThatThrownBy(() -> Configuration.load(file("{\"gateway\": {\"batch_size\": 20000}}")))
        .hasMessageContaining("section \"gateway\": batch_size (20000) must be at most max_batch_size (10000)");
    assertThatThrownBy(() -> Configuration.load(file("{\"cluster\": {\"presence_timeout\": 0.4}}")))
        .hasMessageContaining("presence_timeout (0.4) must be longer than presence_interval (0.5)");
    assertThatThrownBy(() -> Configuration.load(file("{\"alerts\": {\"reload_interval\": -1}}")))
        .hasMessageContaining("section \"alerts\": reload_interval must be a positive number of seconds, got -1");
  }

  @Test
  void aFileThatIsNotJsonIsNamed() throws IOException {
    Path file = file("{\"gateway\": ");
    assertThatThrownBy(() -> Configuration.load(file)).hasMessageStartingWith(file + " is not a JSON object");
  }
}
