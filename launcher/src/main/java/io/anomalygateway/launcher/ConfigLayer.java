package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;

/**
 * One source of settings. Layers are laid over each other in a fixed order: the packaged defaults, the
 * {@code --config} file, the environment ({@code ANOMALY_SECTION_KEY}), then the command line.
 *
 * @param source how the layer is named in messages and in {@code config --explain}
 * @param values its sections and keys, nothing else
 */
record ConfigLayer(String source, JsonObject values) {

  /**
   * @param section a section's name
   * @param key a key of it
   * @return whether this layer sets that key
   */
  boolean sets(String section, String key) {
    JsonObject values = this.values.getJsonObject(section);
    return values != null && values.containsKey(key);
  }
}
