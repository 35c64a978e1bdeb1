package io.anomalygateway.runtime.config;

import io.anomalygateway.runtime.capacity.CapacityOptions;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A section binds to its record only as a whole and only when every key is known, of its kind and within its
 * bounds; the packaged defaults are the one source of a default.
 */
class SettingsTest {

  @Test
  void theDefaultsAreThePackagedFile() {
    assertThat(Settings.toJson(ClusterOptions.defaults())).isEqualTo(PackagedDefaults.section("cluster"));
    assertThat(Settings.toJson(CapacityOptions.defaults())).isEqualTo(PackagedDefaults.section("capacity"));
    assertThat(ClusterOptions.defaults().presenceInterval()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void anEmptySectionIsTheDefaults() {
    assertThat(Settings.read(new JsonObject().put("cluster", new JsonObject()), "cluster", ClusterOptions.class))
        .isEqualTo(ClusterOptions.defaults());
    assertThat(Settings.read(new JsonObject(), "cluster", ClusterOptions.class)).isEqualTo(ClusterOptions.defaults());
  }

  @Test
  void aSectionSurvivesARoundTrip() {
    ClusterOptions changed = Settings.read(new JsonObject().put("cluster", new JsonObject()
        .put("presence_interval", "250ms").put("request_attempts", 5)), "cluster", ClusterOptions.class);
    assertThat(Settings.bind(Settings.toJson(changed), "cluster", ClusterOptions.class)).isEqualTo(changed);
    assertThat(Settings.toJson(changed).getString("presence_interval")).isEqualTo("250ms");
  }

  @Test
  void anUnknownKeyIsRefusedWithTheNearestKnownOne() {
    assertThatThrownBy(() -> Settings.read(new JsonObject().put("cluster", new JsonObject()
        .put("request_atempts", 5)), "cluster", ClusterOptions.class))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("section \"cluster\"")
        .hasMessageContaining("unknown key \"request_atempts\"")
        .hasMessageContaining("did you mean \"request_attempts\"?");
  }

  @Test
  void aValueOutOfBoundsNamesTheKeyAndTheValue() {
    assertThatThrownBy(() -> Settings.read(new JsonObject().put("cluster", new JsonObject()
        .put("request_attempts", 11)), "cluster", ClusterOptions.class))
        .hasMessage("section \"cluster\": request_attempts (11) must be between 1 and 10")
        .extracting(e -> ((InvalidSettingsException) e).key()).isEqualTo("request_attempts");
    assertThatThrownBy(() -> Settings.read(new JsonObject().put("capacity", new JsonObject()
        .put("token_share", 1.5)), "capacity", CapacityOptions.class))
        .hasMessage("section \"capacity\": token_share (1.5) must be above 0 and at most 1");
    assertThat(Settings.read(new JsonObject().put("capacity", new JsonObject().put("token_share", 1.0)), "capacity",
        CapacityOptions.class).tokenShare()).isEqualTo(1.0);
  }

  @Test
  void aValueOfTheWrongKindNamesTheKey() {
    assertThatThrownBy(() -> Settings.read(new JsonObject().put("cluster", new JsonObject()
        .put("request_attempts", "three")), "cluster", ClusterOptions.class))
        .hasMessageContaining("request_attempts").hasMessageContaining("whole number");
    assertThatThrownBy(() -> Settings.read(new JsonObject().put("cluster", new JsonObject()
        .put("presence_interval", "soon")), "cluster", ClusterOptions.class))
        .hasMessageContaining("presence_interval").hasMessageContaining("\"soon\"");
  }

  @Test
  void aMissingDurationIsRefusedAtBindingRatherThanAtStart() {
    assertThatThrownBy(() -> Settings.read(new JsonObject().put("cluster", new JsonObject()
        .putNull("presence_interval")), "cluster", ClusterOptions.class))
        .hasMessageContaining("presence_interval");
  }

  @Test
  void aRuleBetweenKeysShowsBothValues() {
    assertThatThrownBy(() -> Settings.read(new JsonObject().put("cluster", new JsonObject()
        .put("presence_interval", "5s").put("presence_timeout", "4s")), "cluster", ClusterOptions.class))
        .hasMessageContaining("presence_timeout (4s) must be longer than presence_interval (5s)")
        .extracting(e -> ((InvalidSettingsException) e).key()).isEqualTo("presence_timeout");
  }

  @Test
  void aVerticleConfigurationHoldsSectionsOnly() {
    assertThatThrownBy(() -> Settings.read(new JsonObject().put("request_attempts", 5), "cluster",
        ClusterOptions.class))
        .hasMessageContaining("section \"request_attempts\": unknown section")
        .hasMessageContaining("{\"cluster\": {...}}");
  }
}
