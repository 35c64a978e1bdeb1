package io.anomalygateway.launcher;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The hostile-input suite, against a server with authentication on: each case attacks over the raw WebSocket, the
 * handshake, or the SockJS bridge, and expects a precise error or refusal; afterwards another session's samples are
 * still scored correctly, and nothing the attacker received holds a stack trace, a class name or an internal
 * address.
 */
@Timeout(120)
class HostileInputTest extends SecuredGatewayTest {

  private static final String PRODUCER = Tokens.hs256("attacker", List.of("producer"), List.of("attacker*"));
  private static final String VIEWER = Tokens.hs256("watcher", List.of("viewer"), List.of("attacker*"));

  /** What an attack observed: its outcome, and every text it received. */
  record Outcome(String result, List<String> received) {
  }

  /** One attack against the test server. */
  @FunctionalInterface
  interface Attack {
    Outcome run(HostileInputTest test) throws Exception;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusesTheAttackAndKeepsServingOthers(String name, Attack attack, String expected) throws Exception {
    String victimToken = Tokens.hs256("victim", List.of("producer"), List.of("victim"));
    try (TestSocket victim = TestSocket.open(vertx, port, "victim", victimToken)) {
      victim.sample(1, 2, 3);
      Outcome outcome = attack.run(this);
      assertThat(outcome.result()).isEqualTo(expected);
      for (String text : outcome.received()) {
        assertThat(text).doesNotContain("Exception", "\tat ", "java.", "io.vertx", "io.netty", "com.fasterxml",
            "anomaly.detector", "anomaly.drift", "anomaly.events", "Source:");
      }
      JsonObject after = victim.sample(1, 2, 3);
      assertThat(after.getString("type")).isEqualTo("result");
      assertThat(after.getJsonObject("metadata").getInteger("buffer_size")).isEqualTo(2);
    }
  }

  static Stream<Arguments> attacks() {
    List<Arguments> cases = new ArrayList<>();
    text(cases, "truncated JSON", "{\"type\":\"sample\",\"data\":[1,", "INVALID_JSON");
    text(cases, "plain text", "DROP TABLE sessions;", "INVALID_JSON");
    text(cases, "empty message", "", "INVALID_JSON");
    text(cases, "trailing garbage", "{\"type\":\"ping\"}{}", "INVALID_JSON");
    text(cases, "duplicate keys", "{\"type\":\"ping\",\"type\":\"sample\"}", "INVALID_JSON");
    text(cases, "10,000 levels of nesting", "[".repeat(10_000) + "]".repeat(10_000), "INVALID_JSON");
    text(cases, "10,000 nested objects in a field", "{\"type\":\"ping\",\"x\":" + "{\"a\":".repeat(10_000) + "1"
        + "}".repeat(10_001), "INVALID_JSON");
    text(cases, "JSON array", "[{\"type\":\"sample\",\"data\":[1,2,3]}]", "INVALID_MESSAGE");
    text(cases, "JSON string", "\"sample\"", "INVALID_MESSAGE");
    text(cases, "JSON number", "12345", "INVALID_MESSAGE");
    text(cases, "JSON true", "true", "INVALID_MESSAGE");
    text(cases, "missing type", "{\"data\":[1,2,3]}", "MISSING_TYPE");
    text(cases, "type as a number", "{\"type\":1}", "MISSING_TYPE");
    text(cases, "type as an array", "{\"type\":[\"sample\"]}", "MISSING_TYPE");
    text(cases, "type as an object", "{\"type\":{\"$ne\":null}}", "MISSING_TYPE");
    text(cases, "unknown type", "{\"type\":\"shutdown\"}", "UNKNOWN_TYPE");
    text(cases, "type with a null byte", "{\"type\":\"sample\\u0000\"}", "UNKNOWN_TYPE");
    text(cases, "request_id as a number", "{\"type\":\"ping\",\"request_id\":1}", "INVALID_FIELD");
    text(cases, "request_id as an object", "{\"type\":\"ping\",\"request_id\":{}}", "INVALID_FIELD");
    text(cases, "request_id as an array", "{\"type\":\"ping\",\"request_id\":[1]}", "INVALID_FIELD");
    text(cases, "request_id as a boolean", "{\"type\":\"ping\",\"request_id\":true}", "INVALID_FIELD");
    text(cases, "10,000-character request_id", "{\"type\":\"ping\",\"request_id\":\"" + "r".repeat(10_000) + "\"}",
        "INVALID_FIELD");
    text(cases, "data as a string", sample("\"1,2,3\""), "INVALID_DATA");
    text(cases, "data as an object", sample("{\"0\":1}"), "INVALID_DATA");
    text(cases, "data as a number", sample("3"), "INVALID_DATA");
    text(cases, "data as a boolean", sample("false"), "INVALID_DATA");
    text(cases, "data nested", sample("[[1,2,3]]"), "INVALID_DATA");
    text(cases, "data with null", sample("[1,null,3]"), "INVALID_DATA");
    text(cases, "data with numeric strings", sample("[\"1\",\"2\",\"3\"]"), "INVALID_DATA");
    text(cases, "data with NaN", sample("[1,NaN,3]"), "INVALID_JSON");
    text(cases, "data with Infinity", sample("[1,Infinity,3]"), "INVALID_JSON");
    text(cases, "data with -Infinity", sample("[1,-Infinity,3]"), "INVALID_JSON");
    text(cases, "data with a huge exponent", sample("[1,1e999,3]"), "INVALID_DATA");
    text(cases, "data with a 400-digit integer", sample("[1," + "9".repeat(400) + ",3]"), "INVALID_DATA");
    text(cases, "data with a 2,000-digit number", sample("[1," + "9".repeat(2000) + ",3]"), "INVALID_JSON");
    text(cases, "empty data", sample("[]"), "INVALID_DATA");
    text(cases, "data with 2,000 values", sample("[" + "1,".repeat(1999) + "1]"), "TOO_MANY_DIMENSIONS");
    text(cases, "batch_data as an object", "{\"type\":\"batch\",\"batch_data\":{\"rows\":1}}", "INVALID_DATA");
    text(cases, "batch_data as a string", "{\"type\":\"batch\",\"batch_data\":\"[[1]]\"}", "INVALID_DATA");
    text(cases, "ragged batch", "{\"type\":\"batch\",\"batch_data\":[[1,2,3],[1]]}", "RAGGED_BATCH");
    text(cases, "empty batch", "{\"type\":\"batch\",\"batch_data\":[]}", "EMPTY_BATCH");
    text(cases, "batch of 10,001 rows", "{\"type\":\"batch\",\"batch_data\":[" + "[1],".repeat(10_000) + "[1]]}",
        "BATCH_TOO_LARGE");
    text(cases, "algorithm as a number", "{\"type\":\"sample\",\"data\":[1,2,3],\"algorithm\":7}", "INVALID_FIELD");
    text(cases, "unknown algorithm", "{\"type\":\"sample\",\"data\":[1,2,3],\"algorithm\":\"../../etc\"}",
        "UNKNOWN_ALGORITHM");
    text(cases, "timestamp as a number", "{\"type\":\"sample\",\"data\":[1,2,3],\"timestamp\":0}", "INVALID_FIELD");
    text(cases, "config as an array", "{\"type\":\"config\",\"config\":[]}", "INVALID_CONFIG");
    text(cases, "config as a string", "{\"type\":\"config\",\"config\":\"all\"}", "INVALID_CONFIG");
    text(cases, "config with a nested value", "{\"type\":\"config\",\"config\":{\"seed\":{\"a\":1}}}",
        "INVALID_CONFIG");
    text(cases, "config with an unknown key", "{\"type\":\"config\",\"config\":{\"__proto__\":1}}", "INVALID_CONFIG");
    text(cases, "contamination as a string", "{\"type\":\"config\",\"config\":{\"contamination\":\"0.1\"}}",
        "INVALID_CONFIG");
    text(cases, "buffer_size beyond the bound", "{\"type\":\"config\",\"config\":{\"buffer_size\":2000000000}}",
        "INVALID_CONFIG");
    text(cases, "window_size as a string", "{\"type\":\"drift\",\"window_size\":\"200\"}", "INVALID_FIELD");
    text(cases, "negative window_size", "{\"type\":\"drift\",\"window_size\":-200}", "INVALID_FIELD");
    text(cases, "zero window_size", "{\"type\":\"drift\",\"window_size\":0}", "INVALID_FIELD");
    text(cases, "huge window_size", "{\"type\":\"drift\",\"window_size\":1e12}", "INVALID_FIELD");
    text(cases, "method as a number", "{\"type\":\"drift\",\"method\":1}", "INVALID_FIELD");
    text(cases, "alpha as a string", "{\"type\":\"drift\",\"alpha\":\"0.05\"}", "INVALID_FIELD");
    text(cases, "reset as a string", "{\"type\":\"drift\",\"reset\":\"yes\"}", "INVALID_FIELD");
    text(cases, "topic as a number", "{\"type\":\"subscribe\",\"config\":{\"topic\":1}}", "INVALID_FIELD");
    text(cases, "scope as a number", "{\"type\":\"subscribe\",\"config\":{\"topic\":\"alerts\",\"scope\":1}}",
        "INVALID_FIELD");
    cases.add(arguments("replayed request ids", (Attack) HostileInputTest::replay, "answered twice"));
    cases.add(arguments("unicode request id", (Attack) t -> t.textAttack(
        "{\"type\":\"ping\",\"request_id\":\"\u8bf7\u6c42-\ud83d\udca5\"}", PRODUCER), "pong"));
    cases.add(arguments("binary frame", (Attack) HostileInputTest::binary, "BINARY_NOT_SUPPORTED"));
    cases.add(arguments("fragmented valid message", (Attack) HostileInputTest::fragmented, "result"));
    cases.add(arguments("10 MB frame", (Attack) t -> t.oversized(false), "closed"));
    cases.add(arguments("fragmented message over 10 MB", (Attack) t -> t.oversized(true), "closed"));
    cases.add(arguments("invalid UTF-8 in a text frame", (Attack) HostileInputTest::invalidUtf8, "refused"));
    upgrade(cases, "no token", "attacker", null, 401);
    upgrade(cases, "token with alg none", "attacker", Tokens.unsigned("attacker"), 401);
    upgrade(cases, "token signed with another key", "attacker", Tokens.otherKey("attacker", List.of("admin")), 401);
    upgrade(cases, "expired token", "attacker", Tokens.expired("attacker", List.of("producer")), 401);
    upgrade(cases, "token with forged roles", "attacker", Tokens.forgedRoles("attacker"), 401);
    upgrade(cases, "token for another session", "victim", PRODUCER, 403);
    upgrade(cases, "10,000-character session id", "attacker" + "s".repeat(10_000), PRODUCER, 414);
    upgrade(cases, "300-character session id", "attacker" + "s".repeat(300), PRODUCER, 400);
    upgrade(cases, "unicode session id", "attacker-%C3%A9t%C3%A9", PRODUCER, 400);
    upgrade(cases, "10,000-character client id", "attacker?client_id=" + "c".repeat(10_000), PRODUCER, 414);
    upgrade(cases, "300-character client id", "attacker?client_id=" + "c".repeat(300), PRODUCER, 400);
    upgrade(cases, "unicode client id", "attacker?client_id=%F0%9F%92%A5", PRODUCER, 400);
    cases.add(arguments("viewer sends samples", (Attack) t -> t.textAttack(sample("[1,2,3]"), VIEWER), "FORBIDDEN"));
    cases.add(arguments("viewer configures the session", (Attack) t -> t.textAttack(
        "{\"type\":\"config\",\"config\":{\"contamination\":0.5}}", VIEWER), "FORBIDDEN"));
    cases.add(arguments("viewer subscribes to every session", (Attack) t -> t.textAttack(
        "{\"type\":\"subscribe\",\"config\":{\"topic\":\"anomalies\",\"scope\":\"all\"}}", VIEWER), "FORBIDDEN"));
    cases.add(arguments("producer subscribes to every session", (Attack) t -> t.textAttack(
        "{\"type\":\"subscribe\",\"config\":{\"topic\":\"alerts\",\"scope\":\"all\"}}", PRODUCER), "FORBIDDEN"));
    bridge(cases, "bridge send to the detector", PRODUCER, send("anomaly.detector.score"));
    bridge(cases, "bridge send to the drift monitor", PRODUCER, send("anomaly.drift.observe"));
    bridge(cases, "bridge send to the alert rules", PRODUCER, send("anomaly.alerts.reload"));
    bridge(cases, "bridge send to a reply address", PRODUCER, send("__vertx.reply.1"));
    bridge(cases, "bridge publish on a topic", PRODUCER, new JsonObject().put("type", "publish")
        .put("address", "anomaly.topic.alerts").put("body", new JsonObject().put("fake", true)));
    bridge(cases, "bridge register on drift events", PRODUCER, register("anomaly.events.drift"));
    bridge(cases, "bridge register on the detector", PRODUCER, register("anomaly.detector.score"));
    bridge(cases, "bridge register on another session's topic", VIEWER, register("anomaly.topic.anomalies.victim"));
    bridge(cases, "bridge register on every session's topic", VIEWER, register("anomaly.topic.anomalies"));
    bridge(cases, "bridge sample for another session", PRODUCER, new JsonObject().put("type", "send")
        .put("address", "anomaly.gateway.request").put("replyAddress", "r").put("body", new JsonObject()
            .put("session_id", "victim").put("type", "sample").put("data", Messages.array(9, 9, 9))));
    bridge(cases, "bridge sample by a viewer", VIEWER, new JsonObject().put("type", "send")
        .put("address", "anomaly.gateway.request").put("replyAddress", "r").put("body", new JsonObject()
            .put("session_id", "attacker").put("type", "sample").put("data", Messages.array(9, 9, 9))));
    bridge(cases, "bridge request that is not an object", PRODUCER, new JsonObject().put("type", "send")
        .put("address", "anomaly.gateway.request").put("replyAddress", "r").put("body", "sample"));
    bridge(cases, "bridge socket without a token", null, register("anomaly.topic.anomalies.attacker"));
    return cases.stream();
  }

  private static void text(List<Arguments> cases, String name, String message, String code) {
    cases.add(arguments(name, (Attack) t -> t.textAttack(message, PRODUCER), code));
  }

  private static void upgrade(List<Arguments> cases, String name, String target, String token, int status) {
    cases.add(arguments(name, (Attack) t -> new Outcome("http:" + TestSocket.upgradeStatus(t.vertx, t.port, target,
        token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)), List.of()), "http:" + status));
  }

  private static void bridge(List<Arguments> cases, String name, String token, JsonObject frame) {
    cases.add(arguments(name, (Attack) t -> t.bridgeAttack(token, frame), "denied"));
  }

  private static String sample(String data) {
    return "{\"type\":\"sample\",\"request_id\":\"h\",\"data\":" + data + "}";
  }

  private static JsonObject send(String address) {
    return new JsonObject().put("type", "send").put("address", address).put("replyAddress", "r")
        .put("body", new JsonObject().put("session_id", "attacker"));
  }

  private static JsonObject register(String address) {
    return new JsonObject().put("type", "register").put("address", address);
  }

  /** Sends one text message; the outcome is the error code of the answer, or its type. */
  Outcome textAttack(String message, String token) {
    try (TestSocket socket = TestSocket.open(vertx, port, "attacker", token)) {
      socket.sendText(message);
      JsonObject answer = socket.next();
      List<String> received = List.of(answer.encode());
      return new Outcome("error".equals(answer.getString("type"))
          ? answer.getJsonObject("error").getString("code") : answer.getString("type"), received);
    }
  }

  Outcome replay() {
    try (TestSocket socket = TestSocket.open(vertx, port, "attacker", PRODUCER)) {
      JsonObject first = socket.request(Messages.sample(1, 2, 3).put("request_id", "same"));
      JsonObject second = socket.request(Messages.sample(1, 2, 3).put("request_id", "same"));
      boolean both = "result".equals(first.getString("type")) && "result".equals(second.getString("type"));
      return new Outcome(both ? "answered twice" : "not answered", List.of(first.encode(), second.encode()));
    }
  }

  Outcome binary() {
    try (TestSocket socket = TestSocket.open(vertx, port, "attacker", PRODUCER)) {
      socket.sendBinary(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
      JsonObject answer = socket.next();
      return new Outcome(answer.getJsonObject("error").getString("code"), List.of(answer.encode()));
    }
  }

  Outcome fragmented() {
    try (TestSocket socket = TestSocket.open(vertx, port, "attacker", PRODUCER)) {
      socket.sendFrame(WebSocketFrame.textFrame("{\"type\":\"sam", false));
      socket.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer("ple\",\"data\":[1,"), false));
      socket.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer("2,3]}"), true));
      JsonObject answer = socket.next();
      return new Outcome(answer.getString("type"), List.of(answer.encode()));
    }
  }

  Outcome oversized(boolean inFragments) {
    try (TestSocket socket = TestSocket.open(vertx, port, "attacker", PRODUCER)) {
      String chunk = "x".repeat(1024 * 1024);
      if (inFragments) {
        socket.sendFrameUnchecked(WebSocketFrame.textFrame("{\"type\":\"ping\",\"pad\":\"", false));
        for (int i = 0; i < 11; i++) {
          socket.sendFrameUnchecked(WebSocketFrame.continuationFrame(Buffer.buffer(chunk), false));
        }
        socket.sendFrameUnchecked(WebSocketFrame.continuationFrame(Buffer.buffer("\"}"), true));
      } else {
        socket.sendTextUnchecked("{\"type\":\"ping\",\"pad\":\"" + chunk.repeat(10) + "\"}");
      }
      short status = socket.awaitClose();
      List<String> received = new ArrayList<>();
      socket.drain().forEach(m -> received.add(m.encode()));
      // 1009 when the client reads the server's close frame; a 10 MB frame still being written when the server
      // drops the connection can only see 1006 (abnormal closure).
      return new Outcome(status == 1009 || status == 1006 ? "closed" : "close:" + status, received);
    }
  }

  Outcome invalidUtf8() throws Exception {
    try (RawWebSocket raw = new RawWebSocket(port, "/api/v1/streaming/enhanced/attacker", PRODUCER)) {
      raw.sendText(new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
      String frame = raw.nextFrame();
      boolean refused = frame.startsWith("close:1007") || frame.contains("\"success\":false");
      return new Outcome(refused ? "refused" : frame, frame.startsWith("text:") ? List.of(frame) : List.of());
    }
  }

  /** Opens the bridge's raw WebSocket transport (with the token in the query) and sends one frame. */
  Outcome bridgeAttack(String token, JsonObject frame) {
    String uri = "/eventbus/websocket" + (token == null ? "" : "?token=" + token);
    try (TestSocket bridge = TestSocket.connect(vertx, port, uri)) {
      bridge.sendTextUnchecked(frame.encode());
      JsonObject answer = bridge.poll(3000);
      if (answer == null) {
        return new Outcome(bridge.isClosed() ? "denied" : "silence", List.of());
      }
      boolean denied = "err".equals(answer.getString("type"))
          && List.of("access_denied", "rejected").contains(answer.getString("body"));
      return new Outcome(denied ? "denied" : answer.encode(), List.of(answer.encode()));
    }
  }
}
