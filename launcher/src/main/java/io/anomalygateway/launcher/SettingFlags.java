package io.anomalygateway.launcher;

import io.anomalygateway.runtime.config.PackagedDefaults;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * {@code --set section.key=value}: any setting from the command line, the last layer of the configuration. The
 * value is typed as the environment's are ({@link Configuration#typed}): JSON where the default is not text
 * ({@code 9000}, {@code true}, {@code ["a"]}), the text itself where it is ({@code 30s}, {@code 127.0.0.1}).
 */
final class SettingFlags {

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
      layer.getJsonObject(section).put(key, Configuration.typed(known.getValue(key), value));
    });
    return layer;
  }
}
