package io.anomalygateway.launcher;

import io.anomalygateway.launcher.offline.SharedData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON examples of {@code docs/protocol.md}, in order, and the comparison of an example's shape with a
 * real message: the same keys at every level (a key missing on either side is a difference), objects in arrays
 * compared with the first documented one, arrays of strings compared as sets (the welcome's lists). Values are
 * illustrations and are not compared.
 */
final class ReadmeExamples {

  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  private ReadmeExamples() {
  }

  /** @return every JSON object of {@code docs/protocol.md}, in the order it shows them */
  static List<JsonObject> protocolSection() {
    String protocol = read(readme());
    if (!protocol.startsWith("# Protocol\n")) {
      throw new AssertionError("docs/protocol.md does not start with '# Protocol'");
    }
    List<JsonObject> examples = new ArrayList<>();
    Matcher block = JSON_BLOCK.matcher(protocol);
    while (block.find()) {
      for (String object : objects(block.group(1))) {
        examples.add(new JsonObject(object));
      }
    }
    return examples;
  }

  /** Splits a block into its top-level JSON objects (a block may show several, e.g. a request and its answer). */
  private static List<String> objects(String block) {
    List<String> objects = new ArrayList<>();
    int depth = 0;
    int begin = -1;
    boolean inString = false;
    for (int i = 0; i < block.length(); i++) {
      char c = block.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' && depth++ == 0) {
        begin = i;
      } else if (c == '}' && --depth == 0) {
        objects.add(block.substring(begin, i + 1));
      }
    }
    return objects;
  }

  /**
   * @return each difference of shape between the documented example and the real message, as a path and what
   *     differs there; empty when they agree
   */
  static List<String> differences(JsonObject documented, JsonObject actual) {
    List<String> differences = new ArrayList<>();
    compare("", documented, actual, differences);
    return differences;
  }

  private static void compare(String path, Object documented, Object actual, List<String> differences) {
    if (documented instanceof JsonObject expected) {
      if (!(actual instanceof JsonObject real)) {
        differences.add(path + ": documented as an object, is " + actual);
        return;
      }
      for (String key : expected.fieldNames()) {
        if (!real.containsKey(key)) {
          differences.add(path + "." + key + ": documented, but not in the real message");
        }
      }
      for (String key : real.fieldNames()) {
        if (!expected.containsKey(key)) {
          differences.add(path + "." + key + ": in the real message, but not documented");
        } else {
          compare(path + "." + key, expected.getValue(key), real.getValue(key), differences);
        }
      }
    } else if (documented instanceof JsonArray expected && !expected.isEmpty()) {
      if (!(actual instanceof JsonArray real)) {
        differences.add(path + ": documented as an array, is " + actual);
      } else if (expected.getValue(0) instanceof String) {
        Set<Object> missing = new HashSet<>(expected.getList());
        missing.removeAll(real.getList());
        Set<Object> extra = new HashSet<>(real.getList());
        extra.removeAll(expected.getList());
        if (!missing.isEmpty() || !extra.isEmpty()) {
          differences.add(path + ": documented values missing " + missing + ", undocumented values " + extra);
        }
      } else if (expected.getValue(0) instanceof JsonObject) {
        for (int i = 0; i < real.size(); i++) {
          compare(path + "[" + i + "]", expected.getValue(0), real.getValue(i), differences);
        }
      }
    }
  }

  /** @return the protocol's documentation, whose examples the tests play */
  static Path readme() {
    return SharedData.repository().resolve("docs").resolve("protocol.md");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the documented examples whose {@code type} is {@code type}, with or without {@code success} */
  static List<JsonObject> ofType(List<JsonObject> examples, String type, boolean response) {
    return examples.stream().filter(e -> type.equals(e.getString("type")) && e.containsKey("success") == response
        && !(e.containsKey("topic") && !response)).toList();
  }

  /** @return the documented topic events, by their {@code type}, node-wide ones under {@code <type>/node} */
  static Map<String, JsonObject> events(List<JsonObject> examples) {
    Map<String, JsonObject> events = new java.util.LinkedHashMap<>();
    for (JsonObject example : examples) {
      if (example.containsKey("topic") && !example.containsKey("success")) {
        events.put(example.getString("type") + (example.getValue("session_id") == null ? "/node" : ""), example);
      }
    }
    return events;
  }
}
