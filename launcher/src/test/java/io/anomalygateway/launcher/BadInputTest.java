package io.anomalygateway.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every class of bad input gets an error response with a code, a safe message and the request id when it could be
 * read; the connection survives and still answers a valid sample; nothing is logged as a warning or an error.
 */
@Timeout(60)
class BadInputTest extends EmbeddedGatewayTest {

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("gateway", new JsonObject().put("max_batch_size", 100).put("max_dimensions", 64));
  }

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
  }

  static Stream<Arguments> badMessages() {
    return Stream.of(
        arguments("truncated JSON", "{\"type\":\"sample\", \"data\"", "INVALID_JSON", null),
        arguments("plain text", "hello detector", "INVALID_JSON", null),
        arguments("empty text", "", "INVALID_JSON", null),
        arguments("trailing garbage", "{\"type\":\"ping\",\"request_id\":\"g\"} x", "INVALID_JSON", "g"),
        arguments("duplicate keys", "{\"request_id\":\"d\",\"type\":\"ping\",\"type\":\"stats\"}", "INVALID_JSON", "d"),
        arguments("deep nesting", "{\"request_id\":\"n\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}",
            "INVALID_JSON", "n"),
        arguments("JSON array", "[1,2,3]", "INVALID_MESSAGE", null),
        arguments("JSON string", "\"sample\"", "INVALID_MESSAGE", null),
        arguments("JSON number", "42", "INVALID_MESSAGE", null),
        arguments("JSON null", "null", "INVALID_MESSAGE", null),
        arguments("missing type", "{\"request_id\":\"m\",\"data\":[1,2,3]}", "MISSING_TYPE", "m"),
        arguments("type not a string", "{\"type\":5,\"request_id\":\"t\"}", "MISSING_TYPE", "t"),
        arguments("unknown type", "{\"type\":\"explode\",\"request_id\":\"u\"}", "UNKNOWN_TYPE", "u"),
        arguments("drift window too small", "{\"type\":\"drift\",\"window_size\":5,\"request_id\":\"dr\"}",
            "INVALID_FIELD", "dr"),
        arguments("drift window beyond the limit", "{\"type\":\"drift\",\"window_size\":1000000,"
            + "\"request_id\":\"dl\"}", "INVALID_FIELD", "dl"),
        arguments("drift window not whole", "{\"type\":\"drift\",\"window_size\":20.5,\"request_id\":\"dw\"}",
            "INVALID_FIELD", "dw"),
        arguments("unknown drift method", "{\"type\":\"drift\",\"method\":\"vibes\",\"request_id\":\"dm\"}",
            "INVALID_FIELD", "dm"),
        arguments("drift alpha out of range", "{\"type\":\"drift\",\"alpha\":1.5,\"request_id\":\"da\"}",
            "INVALID_FIELD", "da"),
        arguments("unknown on_drift", config("{\"on_drift\":\"panic\"}"), "INVALID_CONFIG", "cfg"),
        arguments("subscribe to an unknown topic", "{\"type\":\"subscribe\",\"config\":{\"topic\":\"gossip\"},"
            + "\"request_id\":\"sb\"}", "INVALID_FIELD", "sb"),
        arguments("unsubscribe without a topic", "{\"type\":\"unsubscribe\",\"request_id\":\"us\"}",
            "INVALID_FIELD", "us"),
        arguments("request_id not a string", "{\"type\":\"ping\",\"request_id\":7}", "INVALID_FIELD", null),
        arguments("data missing", "{\"type\":\"sample\",\"request_id\":\"a\"}", "INVALID_DATA", "a"),
        arguments("data not an array", "{\"type\":\"sample\",\"data\":\"1,2,3\",\"request_id\":\"b\"}",
            "INVALID_DATA", "b"),
        arguments("data with a string", "{\"type\":\"sample\",\"data\":[1,\"2\",3],\"request_id\":\"c\"}",
            "INVALID_DATA", "c"),
        arguments("data with null", "{\"type\":\"sample\",\"data\":[1,null,3],\"request_id\":\"e\"}",
            "INVALID_DATA", "e"),
        arguments("data with a nested array", "{\"type\":\"sample\",\"data\":[[1,2,3]],\"request_id\":\"f\"}",
            "INVALID_DATA", "f"),
        arguments("data with a boolean", "{\"type\":\"sample\",\"data\":[1,true,3],\"request_id\":\"h\"}",
            "INVALID_DATA", "h"),
        arguments("data with NaN", "{\"type\":\"sample\",\"request_id\":\"i\",\"data\":[1,NaN,3]}",
            "INVALID_JSON", "i"),
        arguments("data with Infinity", "{\"type\":\"sample\",\"request_id\":\"j\",\"data\":[1,Infinity,3]}",
            "INVALID_JSON", "j"),
        arguments("data with a huge exponent", "{\"type\":\"sample\",\"data\":[1,1e999,3],\"request_id\":\"k\"}",
            "INVALID_DATA", "k"),
        arguments("data with a huge negative", "{\"type\":\"sample\",\"data\":[-1e400,2,3],\"request_id\":\"l\"}",
            "INVALID_DATA", "l"),
        arguments("empty data", "{\"type\":\"sample\",\"data\":[],\"request_id\":\"o\"}", "INVALID_DATA", "o"),
        arguments("request id after bad data", "{\"type\":\"sample\",\"data\":[1,\"x\"],\"request_id\":\"late\"}",
            "INVALID_DATA", "late"),
        arguments("too many dimensions", "{\"type\":\"sample\",\"request_id\":\"p\",\"data\":["
            + "1,".repeat(64) + "1]}", "TOO_MANY_DIMENSIONS", "p"),
        arguments("bad timestamp", "{\"type\":\"sample\",\"data\":[1,2,3],\"timestamp\":\"yesterday\","
            + "\"request_id\":\"q\"}", "INVALID_FIELD", "q"),
        arguments("batch_data missing", "{\"type\":\"batch\",\"request_id\":\"r\"}", "INVALID_DATA", "r"),
        arguments("empty batch", "{\"type\":\"batch\",\"batch_data\":[],\"request_id\":\"s\"}", "EMPTY_BATCH", "s"),
        arguments("ragged batch", "{\"type\":\"batch\",\"batch_data\":[[1,2,3],[1,2]],\"request_id\":\"v\"}",
            "RAGGED_BATCH", "v"),
        arguments("batch row not an array", "{\"type\":\"batch\",\"batch_data\":[[1,2,3],5],\"request_id\":\"w\"}",
            "INVALID_DATA", "w"),
        arguments("batch with a string", "{\"type\":\"batch\",\"batch_data\":[[1,2,\"3\"]],\"request_id\":\"x\"}",
            "INVALID_DATA", "x"),
        arguments("batch too large", "{\"type\":\"batch\",\"request_id\":\"y\",\"batch_data\":["
            + "[1,2,3],".repeat(100) + "[1,2,3]]}", "BATCH_TOO_LARGE", "y"),
        arguments("unknown algorithm", "{\"type\":\"sample\",\"data\":[1,2,3],\"algorithm\":\"magic\","
            + "\"request_id\":\"z\"}", "UNKNOWN_ALGORITHM", "z"),
        arguments("algorithm not a string", "{\"type\":\"sample\",\"data\":[1,2,3],\"algorithm\":1,"
            + "\"request_id\":\"aa\"}", "INVALID_FIELD", "aa"),
        arguments("config not an object", "{\"type\":\"config\",\"config\":[1],\"request_id\":\"c1\"}",
            "INVALID_CONFIG", "c1"),
        arguments("config with an unknown key", config("{\"turbo\":true}"), "INVALID_CONFIG", "cfg"),
        arguments("contamination too high", config("{\"contamination\":0.9}"), "INVALID_CONFIG", "cfg"),
        arguments("contamination as a string", config("{\"contamination\":\"0.1\"}"), "INVALID_CONFIG", "cfg"),
        arguments("negative buffer size", config("{\"buffer_size\":-1}"), "INVALID_CONFIG", "cfg"),
        arguments("min_samples above buffer_size", config("{\"buffer_size\":50,\"min_samples\":60}"),
            "INVALID_CONFIG", "cfg"),
        arguments("zero refit interval", config("{\"refit_interval\":0}"), "INVALID_CONFIG", "cfg"),
        arguments("unknown processing mode", config("{\"processing_mode\":\"turbo\"}"), "INVALID_CONFIG", "cfg"),
        arguments("zero batch size", config("{\"batch_size\":0}"), "INVALID_CONFIG", "cfg"),
        arguments("batch size above max_batch_size", config("{\"batch_size\":101}"), "INVALID_CONFIG", "cfg"),
        arguments("negative batch timeout", config("{\"batch_timeout\":-1}"), "INVALID_CONFIG", "cfg"),
        arguments("unknown algorithm in config", config("{\"algorithm\":\"magic\"}"), "UNKNOWN_ALGORITHM", "cfg"),
        arguments("nested config value", config("{\"buffer_size\":{\"n\":5}}"), "INVALID_CONFIG", "cfg"));
  }

  private static String config(String settings) {
    return "{\"type\":\"config\",\"request_id\":\"cfg\",\"config\":" + settings + "}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMessages")
  void refusesBadInputAndKeepsServing(String name, String message, String code, String requestId) {
    try (TestSocket socket = open("bad-input")) {
      socket.sendText(message);
      assertIsError(socket.next(), code, requestId);
      assertStillServes(socket);
    }
  }

  @Test
  void refusesBinaryFrames() {
    try (TestSocket socket = open("binary")) {
      socket.sendBinary(new byte[] {1, 2, 3});
      assertIsError(socket.next(), "BINARY_NOT_SUPPORTED", null);
      assertStillServes(socket);
    }
  }

  @Test
  void refusesASampleOfAnotherDimensionThanTheSessions() {
    try (TestSocket socket = open("dimensions")) {
      socket.sample(1, 2, 3);
      socket.sendText("{\"type\":\"sample\",\"data\":[1,2],\"request_id\":\"dim\"}");
      assertIsError(socket.next(), "DIMENSION_MISMATCH", "dim");
      socket.sendText("{\"type\":\"batch\",\"batch_data\":[[1,2,3,4]],\"request_id\":\"dim-batch\"}");
      assertIsError(socket.next(), "DIMENSION_MISMATCH", "dim-batch");
      assertStillServes(socket);
    }
  }

  @Test
  void oneClientsBadInputDoesNotDisturbAnotherSession() {
    try (TestSocket attacker = open("attacker"); TestSocket victim = open("victim")) {
      victim.sample(1, 2, 3);
      for (int i = 0; i < 50; i++) {
        attacker.sendText("{\"type\":\"sample\",\"data\":[" + "[".repeat(40) + "]".repeat(40) + "]}");
      }
      for (int i = 0; i < 50; i++) {
        assertThat(attacker.next().getString("type")).isEqualTo("error");
      }
      assertThat(victim.sample(1, 2, 3).getJsonObject("metadata").getInteger("buffer_size")).isEqualTo(2);
    }
  }

  private void assertIsError(JsonObject error, String code, String requestId) {
    assertThat(error.getString("type")).isEqualTo("error");
    assertThat(error.getBoolean("success")).isFalse();
    assertThat(error.getJsonObject("error").getString("code")).isEqualTo(code);
    assertThat(error.getString("request_id")).isEqualTo(requestId);
    String text = error.getJsonObject("error").getString("message");
    assertThat(text).isNotBlank()
        .doesNotContain("Exception", "java.", "io.vertx", "com.fasterxml", "anomaly.detector", "\tat ", "Source:");
  }

  private void assertStillServes(TestSocket socket) {
    JsonObject result = socket.sample(1, 2, 3);
    assertThat(result.getString("type")).isEqualTo("result");
    assertThat(socket.isClosed()).isFalse();
    assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
  }
}
