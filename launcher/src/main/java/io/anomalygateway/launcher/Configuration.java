package io.anomalygateway.launcher;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server's configuration: the defaults packaged in the jar ({@code config/anomaly-gateway.json}) with an
 * operator's file laid over them, section by section ({@code gateway}, {@code detector}).
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
    if (file != null) {
      config.mergeIn(parse(read(file), file.toString()), true);
    }
    return config;
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
