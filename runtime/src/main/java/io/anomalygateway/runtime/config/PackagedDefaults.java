package io.anomalygateway.runtime.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The defaults packaged in every jar from the repository's {@code config/anomaly-gateway.json}: the one place a
 * default is written. Read once; callers get copies, so that no one can change the defaults of another.
 */
public final class PackagedDefaults {

  /** Where the defaults lie on the class path. */
  public static final String RESOURCE = "config/anomaly-gateway.json";

  private static final JsonObject DEFAULTS = load();

  private PackagedDefaults() {
  }

  /** @return a copy of every section's defaults */
  public static JsonObject all() {
    return DEFAULTS.copy();
  }

  /** @return the sections' names, without copying their defaults */
  public static java.util.Set<String> sections() {
    return java.util.Collections.unmodifiableSet(DEFAULTS.fieldNames());
  }

  /**
   * @param section a section's name
   * @return a copy of its defaults
   * @throws IllegalArgumentException when the defaults have no such section
   */
  public static JsonObject section(String section) {
    JsonObject defaults = DEFAULTS.getJsonObject(section);
    if (defaults == null) {
      throw new IllegalArgumentException("unknown section \"" + section + "\"");
    }
    return defaults.copy();
  }

  private static JsonObject load() {
    try (InputStream in = PackagedDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The jar lacks its default configuration " + RESOURCE);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DecodeException e) {
      throw new IllegalStateException(RESOURCE + " is not a JSON object: " + e.getMessage(), e);
    }
  }
}
