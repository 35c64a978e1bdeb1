package io.anomalygateway.launcher;

import io.anomalygateway.runtime.config.DurationText;
import io.anomalygateway.runtime.config.PackagedDefaults;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * {@code --set section.key=value}: any setting from the command line, the last layer of the configuration. The
 * value is typed as the environment's are ({@link #typed}): JSON where the default is not text ({@code 9000},
 * {@code true}, {@code ["a"]}), the text itself where it is ({@code 30s}, {@code 127.0.0.1}).
 */
public final class SettingFlags {

  private SettingFlags() {
  }

  /**
   * @param layer the flags' layer so far
   * @param settings {@code section.key} to value
   * @return the layer with the settings laid in
   * @throws IllegalArgumentException when a name is not {@code section.key}
   */
  static JsonObject apply(JsonObject layer, Map<String, String> settings) {
    JsonObject defaults = PackagedDefaults.all();
    settings.forEach((name, value) -> {
      int dot = name.indexOf('.');
      if (dot <= 0 || dot == name.length() - 1) {
        throw new IllegalArgumentException("--set takes section.key=value, got " + name + "=" + value);
      }
      String section = name.substring(0, dot);
      String key = name.substring(dot + 1);
      JsonObject known = defaults.getJsonObject(section, new JsonObject());
      if (!layer.containsKey(section)) {
        layer.put(section, new JsonObject());
      }
      layer.getJsonObject(section).put(key, typed(known.getValue(key), value));
    });
    return layer;
  }

  /**
   * Reads a value given as text (an environment variable, a flag) as its key's default reads.
   *
   * @param defaultValue the key's default, whose kind the text is read as
   * @param text the value as given
   * @return a number for a bare number where the default is a duration (seconds, as in a file); the text itself
   *     where the default is text or {@code null}; otherwise the text as JSON when it is JSON, and as text when not
   *     (which the shape check then refuses, naming it)
   */
  public static Object typed(Object defaultValue, String text) {
    if (defaultValue == null || defaultValue instanceof String && !DurationText.isDuration((String) defaultValue)) {
      return text;
    }
    try {
      Object value = Json.decodeValue(text);
      return defaultValue instanceof String && !(value instanceof Number) ? text : value;
    } catch (DecodeException e) {
      return text;
    }
  }
}
