package io.anomalygateway.launcher;

import io.anomalygateway.alerts.AlertsOptions;
import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.drift.DriftOptions;
import io.anomalygateway.gateway.GatewayOptions;
import io.anomalygateway.gateway.security.SecurityOptions;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The server's configuration: the defaults packaged in the jar ({@code config/anomaly-gateway.json}) with an
 * operator's file laid over them, section by section ({@code gateway}, {@code detector}, ...). The defaults are the
 * one description of the settings: a file's unknown keys and values of the wrong kind stop the start
 * ({@link ConfigurationShape}), and each section is then validated as a whole by its options class, so that a
 * mistake is reported with the file, the section, the key and the value before anything starts.
 */
final class Configuration {

  /** The packaged defaults, copied from the repository's {@code config/} folder at build time. */
  static final String DEFAULTS = "config/anomaly-gateway.json";

  private Configuration() {
  }

  /**
   * Reads the configuration. Runs before Vert.x starts, so reading files here blocks nothing.
   *
   * @param file an operator's file, or {@code null}
   * @return the defaults with the file's values laid over them
   */
  static JsonObject load(Path file) {
    JsonObject config = defaults();
    if (file == null) {
      return config;
    }
    JsonObject changes = parse(read(file), file.toString());
    ConfigurationShape.check(config, changes, file.toString());
    config.mergeIn(changes, true);
    validate(config, file.toString());
    return config;
  }

  /**
   * Reads every section with its options class, which checks each value and the values that bound each other.
   *
   * @param config the whole configuration
   * @param source where it came from, for the message
   * @throws IllegalArgumentException naming the source, the section and the offending values
   */
  static void validate(JsonObject config, String source) {
    section(config, source, "gateway", GatewayOptions::new);
    section(config, source, "security", SecurityOptions::new);
    section(config, source, "tcp_bridge", io.anomalygateway.gateway.TcpBridgeOptions::fromJson);
    section(config, source, "detector", DetectorOptions::new);
    section(config, source, "drift", DriftOptions::new);
    section(config, source, "alerts", AlertsOptions::new);
    section(config, source, "cluster", ClusterOptions::new);
  }

  private static void section(JsonObject config, String source, String name, Consumer<JsonObject> options) {
    try {
      options.accept(config.getJsonObject(name, new JsonObject()));
    } catch (IllegalArgumentException | ProtocolException e) {
      String message = e instanceof ProtocolException ? ((ProtocolException) e).error().message() : e.getMessage();
      throw new IllegalArgumentException(source + ", section \"" + name + "\": " + message, e);
    }
  }

  /** @return the packaged defaults */
  static JsonObject defaults() {
    try (InputStream in = Configuration.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("The jar lacks its default configuration " + DEFAULTS);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
