package io.anomalygateway.launcher;

import io.anomalygateway.runtime.config.DurationText;
import io.anomalygateway.runtime.config.Suggestions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Checks one layer of the configuration (a file, the environment, the command line) against the packaged defaults,
 * which hold every key: a key the defaults do not have is a mistake (usually a misspelling that would otherwise be
 * ignored), reported with the layer's source, the section and the nearest known key; and a value must be of its
 * default's kind (a whole number where the default is one, a number, a string, a boolean, an object or an array; a
 * duration takes text with a unit or a number of seconds; a {@code null} default takes a string). Bounds are checked
 * when the sections are read ({@link io.anomalygateway.runtime.config.Settings}).
 */
final class ConfigurationShape {

  private ConfigurationShape() {
  }

  /**
   * @param defaults the packaged defaults
   * @param layer one layer's values
   * @param source where they came from, for the message
   * @throws IllegalArgumentException naming the source, the section and the key of the first mistake
   */
  static void check(JsonObject defaults, JsonObject layer, String source) {
    check(defaults, layer, source, "");
  }

  private static void check(JsonObject defaults, JsonObject layer, String source, String path) {
    for (Map.Entry<String, Object> entry : layer) {
      String key = entry.getKey();
      if (!defaults.containsKey(key)) {
        throw new IllegalArgumentException(source + ": unknown " + (path.isEmpty() ? "section \"" + key + "\""
            : "key \"" + key + "\" in section \"" + path + "\"") + suggestion(defaults, key)
            + "; the known " + (path.isEmpty() ? "sections" : "keys") + " are " + String.join(", ",
            defaults.fieldNames().stream().sorted().toList()));
      }
      Object expected = defaults.getValue(key);
      Object value = entry.getValue();
      String name = path.isEmpty() ? key : path + "." + key;
      if (!sameKind(expected, value)) {
        throw new IllegalArgumentException(source + ": " + name + " must be " + kind(expected) + ", got "
            + (value instanceof String ? "\"" + value + "\"" : value));
      }
      if (expected instanceof JsonObject known && value instanceof JsonObject given) {
        check(known, given, source, name);
      }
    }
  }

  private static boolean sameKind(Object expected, Object value) {
    if (expected == null) {
      return value == null || value instanceof String;
    }
    if (isDuration(expected)) {
      return value instanceof String || value instanceof Number;
    }
    if (expected instanceof Integer || expected instanceof Long) {
      return value instanceof Number && isWhole((Number) value);
    }
    if (expected instanceof Number) {
      return value instanceof Number;
    }
    return expected.getClass() == (value == null ? null : value.getClass());
  }

  private static boolean isDuration(Object expected) {
    return expected instanceof String text && DurationText.isDuration(text);
  }

  private static boolean isWhole(Number value) {
    if (value instanceof Integer || value instanceof Long) {
      return true;
    }
    double number = value.doubleValue();
    return number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE;
  }

  private static String kind(Object expected) {
    if (isDuration(expected)) {
      return "a duration such as \"30s\" or \"250ms\"";
    }
    if (expected == null || expected instanceof String) {
      return "a string";
    }
    if (expected instanceof Integer || expected instanceof Long) {
      return "a whole number";
    }
    if (expected instanceof Number) {
      return "a number";
    }
    if (expected instanceof Boolean) {
      return "true or false";
    }
    return expected instanceof JsonArray ? "an array" : "an object";
  }

  private static String suggestion(JsonObject defaults, String key) {
    return Suggestions.didYouMean(key, defaults.fieldNames());
  }
}
