package io.anomalygateway.launcher;

import io.anomalygateway.runtime.config.InvalidSettingsException;
import io.anomalygateway.runtime.config.PackagedDefaults;
import io.anomalygateway.runtime.config.Settings;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's configuration, laid in layers by vertx-config's {@link ConfigRetriever}: the defaults packaged in the
 * jar ({@code config/anomaly-gateway.json}), then an operator's {@code --config} file, then environment variables
 * named {@code ANOMALY_<SECTION>_<KEY>} (e.g. {@code ANOMALY_GATEWAY_PORT}), then command-line flags. Each layer is
 * checked for unknown keys, naming its source; the merged result is then read section by section into its settings
 * record ({@link Sections}), so that a wrong value is reported with its section, key, value and source before
 * anything starts.
 */
final class Configuration {

  /** The prefix of environment variables that set a configuration key. */
  static final String ENV_PREFIX = "ANOMALY_";

  private Configuration() {
  }

  /**
   * Reads and checks the configuration. Runs before the server's Vert.x starts; the layers are merged on a
   * short-lived Vert.x instance of their own.
   *
   * @param file an operator's file, or {@code null}
   * @param env the environment
   * @param flags settings given on the command line, as sections and keys
   * @return the layers and their merge
   * @throws IllegalArgumentException naming the source, the section, the key and the value of a mistake
   */
  static LayeredConfiguration load(Path file, Map<String, String> env, JsonObject flags) {
    JsonObject defaults = PackagedDefaults.all();
    List<ConfigLayer> layers = new ArrayList<>();
    layers.add(new ConfigLayer("packaged defaults", defaults));
    if (file != null) {
      layers.add(new ConfigLayer(file.toString(), parse(read(file), file.toString())));
    }
    layers.add(new ConfigLayer("environment", environment(defaults, env)));
    layers.add(new ConfigLayer("command line", flags));
    for (ConfigLayer layer : layers.subList(1, layers.size())) {
      ConfigurationShape.check(defaults, layer.values(), layer.source());
      if (layer.sets("cluster", "node_id")) {
        throw new IllegalArgumentException(layer.source() + ": cluster.node_id is not a setting: the launcher sets "
            + "it to the Hazelcast member id when it joins a cluster");
      }
    }
    LayeredConfiguration config = new LayeredConfiguration(merge(layers), layers);
    validate(config);
    return config;
  }

  /**
   * The layers' deep merge, in order, by the config retriever; each layer is a JSON store of its own.
   */
  private static JsonObject merge(List<ConfigLayer> layers) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false).setScanPeriod(0);
    for (ConfigLayer layer : layers) {
      options.addStore(new ConfigStoreOptions().setType("json").setConfig(layer.values().copy()));
    }
    Vertx vertx = Vertx.vertx();
    try {
      return ConfigRetriever.create(vertx, options).getConfig().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not merge the configuration: " + e.getMessage(), e);
    } finally {
      vertx.close();
    }
  }

  /**
   * Reads every section with its record, which checks each value and the values that bound each other.
   *
   * @throws IllegalArgumentException naming the source of the offending value
   */
  private static void validate(LayeredConfiguration config) {
    for (Sections section : Sections.ALL) {
      try {
        Settings.bind(config.effective().getJsonObject(section.name()), section.name(), section.type());
      } catch (InvalidSettingsException e) {
        throw new IllegalArgumentException(config.sourceOf(section.name(), e.keys()) + ", " + e.getMessage(), e);
      }
    }
  }

  /**
   * The environment variables that name a key of the defaults, {@code ANOMALY_<SECTION>_<KEY>} in upper case.
   * Others (the cluster flags' {@code ANOMALY_CLUSTER_NAME}, {@code ANOMALY_JWT_SECRET}, ...) are read where they
   * belong. A value is read as JSON where the default is not a string (numbers, booleans, lists), so that
   * {@code ANOMALY_GATEWAY_PORT=9000} is a number and {@code ANOMALY_GATEWAY_HOST=::1} stays text.
   */
  static JsonObject environment(JsonObject defaults, Map<String, String> env) {
    JsonObject layer = new JsonObject();
    for (String section : defaults.fieldNames()) {
      JsonObject keys = defaults.getJsonObject(section);
      for (String key : keys.fieldNames()) {
        String value = env.get(variable(section, key));
        if (value != null) {
          layer.put(section, layer.getJsonObject(section, new JsonObject()).put(key, SettingFlags.typed(keys.getValue(key), value)));
        }
      }
    }
    return layer;
  }

  /**
   * @return the environment variable that sets a key
   */
  static String variable(String section, String key) {
    return (ENV_PREFIX + section + "_" + key).toUpperCase(Locale.ROOT);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read configuration file " + file + ": " + e.getMessage());
    }
  }

  private static JsonObject parse(String text, String source) {
    try {
      return new JsonObject(text);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(source + " is not a JSON object: " + e.getMessage());
    }
  }
}
