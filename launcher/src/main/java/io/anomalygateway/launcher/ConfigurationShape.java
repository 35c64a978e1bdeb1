package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an operator's configuration file against the packaged defaults, which are the one description of every
 * setting: a key the defaults do not have is a mistake (usually a misspelling that would otherwise be ignored),
 * and a value must be of its default's kind (a whole number where the default is one, a number, a string, a
 * boolean, an object or an array; a {@code null} default takes a string).
 */
final class ConfigurationShape {

  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private ConfigurationShape() {
  }

  /**
   * @param defaults the packaged defaults
   * @param file the operator's file, parsed
   * @param source the file's name, for the messages
   * @throws IllegalArgumentException naming the file, the section and the key of the first mistake
   */
  static void check(JsonObject defaults, JsonObject file, String source) {
    check(defaults, file, source, "");
  }

  private static void check(JsonObject defaults, JsonObject file, String source, String path) {
    for (Map.Entry<String, Object> entry : file) {
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
      if (expected instanceof JsonObject) {
        check((JsonObject) expected, (JsonObject) value, source, name);
      }
    }
  }

  private static boolean sameKind(Object expected, Object value) {
    if (expected == null) {
      return value == null || value instanceof String;
    }
    if (expected instanceof Integer || expected instanceof Long) {
      return value instanceof Number && isWhole((Number) value);
    }
    if (expected instanceof Number) {
      return value instanceof Number;
    }
    return expected.getClass() == (value == null ? null : value.getClass());
  }

  private static boolean isWhole(Number value) {
    if (value instanceof Integer || value instanceof Long) {
      return true;
    }
    double number = value.doubleValue();
    return number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE;
  }

  private static String kind(Object expected) {
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
    Optional<String> nearest = defaults.fieldNames().stream()
        .filter(known -> DISTANCE.apply(known, key) >= 0)
        .min(Comparator.comparingInt(known -> DISTANCE.apply(known, key)));
    return nearest.map(known -> " (did you mean \"" + known + "\"?)").orElse("");
  }
}
