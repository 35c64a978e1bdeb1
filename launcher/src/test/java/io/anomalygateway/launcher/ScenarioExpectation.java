package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/** What a conformance scenario expects of one message: its type or error code, keys present, values equal. */
final class ScenarioExpectation {

  private static final Object MISSING = new Object();

  private ScenarioExpectation() {
  }

  static void check(JsonObject message, JsonObject expect) {
    String shown = message.encode().substring(0, Math.min(300, message.encode().length()));
    if (expect.containsKey("code")) {
      assertThat(message.getString("type")).as(shown).isEqualTo("error");
      assertThat(message.getBoolean("success")).as(shown).isFalse();
      assertThat(message.getJsonObject("error").getString("code")).as(shown).isEqualTo(expect.getString("code"));
      assertThat(message.getJsonObject("error").getString("message")).as(shown).isNotBlank();
    }
    if (expect.containsKey("type")) {
      assertThat(message.getString("type")).as(shown).isEqualTo(expect.getString("type"));
    }
    if (expect.containsKey("success")) {
      assertThat(message.getBoolean("success")).as(shown).isEqualTo(expect.getBoolean("success"));
    }
    for (Object path : expect.getJsonArray("keys", new JsonArray())) {
      assertThat(lookup(message, (String) path)).as(path + " in " + shown).isNotSameAs(MISSING);
    }
    expect.getJsonObject("values", new JsonObject()).forEach(entry -> {
      Object found = lookup(message, entry.getKey());
      if (entry.getValue() instanceof Number number && found instanceof Number actual) {
        assertThat(actual.doubleValue()).as(entry.getKey()).isEqualTo(number.doubleValue());
      } else {
        assertThat(found).as(entry.getKey() + " in " + shown).isEqualTo(entry.getValue());
      }
    });
  }

  /** @return whether every path of {@code values} holds its value in the message */
  static boolean matches(JsonObject message, JsonObject values) {
    return values.stream().allMatch(entry -> {
      Object found = lookup(message, entry.getKey());
      return entry.getValue() instanceof Number number && found instanceof Number actual
          ? number.doubleValue() == actual.doubleValue() : entry.getValue().equals(found);
    });
  }

  private static Object lookup(Object node, String path) {
    for (String part : path.split("\\.")) {
      if (node instanceof JsonArray array && part.matches("\\d+") && Integer.parseInt(part) < array.size()) {
        node = array.getValue(Integer.parseInt(part));
      } else if (node instanceof JsonObject object && object.containsKey(part)) {
        node = object.getValue(part);
      } else {
        return MISSING;
      }
    }
    return node;
  }
}
