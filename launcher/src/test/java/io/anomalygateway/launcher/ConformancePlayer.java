package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays one scenario of {@code sdk/conformance/} (its README describes the format) over plain WebSockets: the
 * protocol as any client sees it, every message checked against {@code sdk/asyncapi.yaml}. The Python SDK's suite
 * plays the same files through its client.
 */
final class ConformancePlayer implements AutoCloseable {

  static final Path SCENARIOS = Path.of("..", "sdk", "conformance", "scenarios");

  private final Vertx vertx;
  private final int port;
  private final AsyncApiContract contract;
  private final Map<String, ConformancePeer> peers = new HashMap<>();
  private final String prefix = "conf-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  ConformancePlayer(Vertx vertx, int port, AsyncApiContract contract) {
    this.vertx = vertx;
    this.port = port;
    this.contract = contract;
  }

  void play(Path file) throws IOException {
    JsonArray steps = new JsonObject(Files.readString(file)).getJsonArray("steps");
    for (int i = 0; i < steps.size(); i++) {
      JsonObject step = steps.getJsonObject(i);
      try {
        step(step);
      } catch (AssertionError failure) {
        throw new AssertionError(file.getFileName() + " step " + i + " " + step.encode() + ": "
            + failure.getMessage(), failure);
      }
    }
    peers.values().forEach(peer -> assertThat(peer.violations).as("messages off the contract").isEmpty());
  }

  private void step(JsonObject step) {
    if (step.containsKey("connect")) {
      connect(step);
    } else if (step.containsKey("burst")) {
      burst(step);
    } else if (step.containsKey("send")) {
      JsonObject until = step.getJsonObject("until");
      for (int i = 0; i < step.getInteger("repeat", 1); i++) {
        JsonObject answer = send(peers.get(step.getString("on")), (JsonObject) expand(step.getJsonObject("send"), i));
        ScenarioExpectation.check(answer, step.getJsonObject("expect", new JsonObject()));
        if (until != null && ScenarioExpectation.matches(answer, until)) {
          return;
        }
      }
      assertThat(until).as("never " + until + " in " + step.getInteger("repeat") + " answers").isNull();
    } else if (step.containsKey("send_text") || step.containsKey("send_binary")) {
      ConformancePeer peer = peers.get(step.getString("on"));
      int seen = peer.answerCount();
      if (step.containsKey("fragment")) {
        peer.sendFragments((String) expand(step.getString("send_text"), 0), step.getInteger("fragment"));
      } else if (step.containsKey("send_text")) {
        peer.sendText((String) expand(step.getString("send_text"), 0));
      } else {
        peer.sendBinary(HexFormat.of().parseHex(step.getString("send_binary")));
      }
      if (step.containsKey("expect")) {
        peer.await(() -> peer.answerCount() > seen);
        ScenarioExpectation.check(peer.answersSince(seen).get(0), step.getJsonObject("expect"));
      }
    } else if (step.containsKey("await_event")) {
      awaitEvents(step);
    } else if (step.containsKey("disconnect")) {
      peers.get(step.getString("disconnect")).close();
    } else if (step.containsKey("expect_close")) {
      ConformancePeer peer = peers.get(step.getString("expect_close"));
      peer.await(() -> peer.closeCode() != null);
      assertThat(peer.closeCode().intValue()).isEqualTo(step.getInteger("code"));
    } else {
      throw new AssertionError("unknown step");
    }
  }

  private void connect(JsonObject step) {
    String label = step.getString("session");
    String session = label.matches("\\w+") ? prefix + label : label;
    String role = step.getString("role");
    String token = "none".equals(role) ? null : Tokens.hs256("conformance", List.of(role), List.of("*"));
    try {
      ConformancePeer peer = ConformancePeer.connect(vertx, port, session, token, contract);
      peers.put(step.getString("connect"), peer);
      assertThat(step.containsKey("expect_status")).as("the upgrade was accepted").isFalse();
      ScenarioExpectation.check(peer.welcome, step.getJsonObject("expect", new JsonObject().put("type", "welcome")));
    } catch (UpgradeRejectedException refused) {
      assertThat(refused.getStatus()).isEqualTo(step.getInteger("expect_status", 101));
    }
  }

  private JsonObject send(ConformancePeer peer, JsonObject message) {
    String requestId = message.getString("request_id", "j-" + UUID.randomUUID());
    int seen = peer.answerCount();
    peer.sendText(message.put("request_id", requestId).encode());
    peer.await(() -> answerTo(peer, seen, requestId) != null);
    return answerTo(peer, seen, requestId);
  }

  private static JsonObject answerTo(ConformancePeer peer, int seen, String requestId) {
    return peer.answersSince(seen).stream().filter(a -> requestId.equals(a.getString("request_id"))).findFirst()
        .orElse(null);
  }

  private void burst(JsonObject step) {
    ConformancePeer peer = peers.get(step.getString("on"));
    int seen = peer.answerCount();
    int count = step.getInteger("burst");
    for (int i = 0; i < count; i++) {
      peer.sendText(((JsonObject) expand(step.getJsonObject("send"), i)).put("request_id", "b-" + i).encode());
    }
    peer.await(() -> peer.answerCount() >= seen + count);
    List<JsonObject> answers = peer.answersSince(seen);
    List<Object> allowed = step.getJsonObject("expect_each").getJsonArray("type_in").getList();
    answers.forEach(answer -> assertThat(allowed).contains(answer.getString("type")));
    JsonObject refused = answers.stream().filter(a -> "error".equals(a.getString("type"))).findFirst()
        .orElseThrow(() -> new AssertionError("no request of the burst was refused"));
    ScenarioExpectation.check(refused, step.getJsonObject("expect_some"));
  }

  private void awaitEvents(JsonObject step) {
    ConformancePeer peer = peers.get(step.getString("on"));
    JsonObject wanted = step.getJsonObject("await_event");
    int count = step.getInteger("count", 1);
    peer.await(() -> matching(peer, wanted).size() >= count);
    matching(peer, wanted).stream().limit(count)
        .forEach(event -> ScenarioExpectation.check(event, step.getJsonObject("expect", new JsonObject())));
  }

  private static List<JsonObject> matching(ConformancePeer peer, JsonObject wanted) {
    return peer.events().stream().filter(event -> wanted.fieldNames().stream()
        .allMatch(key -> wanted.getValue(key).equals(event.getValue(key)))).toList();
  }

  /** The scenarios' placeholders: rows, long texts, tokens and the last position a peer saw on a topic. */
  private Object expand(Object value, int index) {
    if (value instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(entry -> copy.put(entry.getKey(), expand(entry.getValue(), index)));
      return copy;
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(expand(item, index)));
      return copy;
    }
    if (!(value instanceof String text) || !text.startsWith("$")) {
      return value;
    }
    String[] parts = text.substring(1).split(":");
    return switch (parts[0]) {
      case "row" -> row(index, Integer.parseInt(parts[1]));
      case "rows" -> {
        JsonArray rows = new JsonArray();
        for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
          rows.add(row(i, Integer.parseInt(parts[2])));
        }
        yield rows;
      }
      case "text" -> "x".repeat(Integer.parseInt(parts[1]));
      case "token" -> Tokens.hs256("conformance", List.of(parts[1]), List.of("*"));
      case "position" -> {
        JsonObject last = peers.get(parts[1]).events().stream().filter(e -> parts[2].equals(e.getString("topic")))
            .reduce((first, second) -> second).orElseThrow();
        yield new JsonObject().put("epoch", last.getString("epoch")).put("offset", last.getLong("offset"));
      }
      default -> throw new AssertionError("unknown placeholder " + text);
    };
  }

  /** The scenarios' deterministic rows: integer arithmetic, so that every language makes the same numbers. */
  static JsonArray row(int index, int dims) {
    JsonArray row = new JsonArray();
    for (int k = 0; k < dims; k++) {
      row.add(((long) index * (k + 1) * 7919 % 1000) / 1000.0);
    }
    return row;
  }

  @Override
  public void close() {
    peers.values().forEach(ConformancePeer::close);
  }
}
