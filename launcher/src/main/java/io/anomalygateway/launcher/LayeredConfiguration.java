package io.anomalygateway.launcher;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The effective configuration and the layers it was merged from, so that each value's source can be told.
 *
 * @param effective every section with every key
 * @param layers from the packaged defaults to the command line
 */
record LayeredConfiguration(JsonObject effective, List<ConfigLayer> layers) {

  /**
   * @param section a section's name
   * @param keys keys of it; none for the section as a whole
   * @return the last layer that sets any of them: where a value in effect, or a rule broken, comes from
   */
  String sourceOf(String section, List<String> keys) {
    for (int i = layers.size() - 1; i > 0; i--) {
      ConfigLayer layer = layers.get(i);
      if (keys.isEmpty() ? layer.values().containsKey(section) : keys.stream().anyMatch(k -> layer.sets(section, k))) {
        return layer.source();
      }
    }
    return layers.get(0).source();
  }

  /**
   * @param section a section's name
   * @param key one of its keys, or {@code null} for the section as a whole
   * @return the last layer that sets it: the one whose value is in effect
   */
  String sourceOf(String section, String key) {
    return sourceOf(section, key == null ? List.of() : List.of(key));
  }

  /**
   * @return one line per key: the key, its value and the layer it comes from, as {@code config --explain} prints
   *     them; secrets are shown as set or not, never their value
   */
  String explain() {
    StringBuilder text = new StringBuilder();
    for (String section : effective.fieldNames()) {
      JsonObject keys = effective.getJsonObject(section);
      for (String key : keys.fieldNames()) {
        Object value = keys.getValue(key);
        String shown = key.contains("secret") && value != null ? "(set)" : Json.encode(value);
        text.append(String.format("%-42s %-30s %s%n", section + "." + key, shown, sourceOf(section, key)));
      }
    }
    return text.toString();
  }
}
