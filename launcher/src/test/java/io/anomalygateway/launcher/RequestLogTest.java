package io.anomalygateway.launcher;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.anomalygateway.gateway.GatewayVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.anomalygateway.launcher.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that fails on the server's side leaves a log line that names it: as the JSON encoder of
 * {@code --log-format json} writes it, the line carries its request_id, session_id, client_id and node.
 */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class RequestLogTest {

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Logger connectionLog;

  @BeforeEach
  void capture() {
    connectionLog = (Logger) LoggerFactory.getLogger("io.anomalygateway.gateway.Connection");
    captured.start();
    connectionLog.addAppender(captured);
  }

  @AfterEach
  void release() {
    connectionLog.detachAppender(captured);
  }

  @Test
  void aFailedRequestsLogLineCarriesItsIds(Vertx vertx) throws Exception {
    JsonObject config = TestConfiguration.defaults().mergeIn(new JsonObject()
        .put("gateway", new JsonObject().put("port", 0).put("host", "127.0.0.1").put("request_timeout", 0.3))
        .put("security", new JsonObject().put("auth_enabled", false)), true);
    GatewayVerticle gateway = new GatewayVerticle();
    await(Deployment.gateway(vertx, config, gateway).toCompletionStage().toCompletableFuture());
    try (TestSocket socket = TestSocket.connect(vertx, gateway.actualPort(),
        "/api/v1/streaming/enhanced/traced?client_id=tracer")) {
      socket.next();
      JsonObject error = socket.request(Messages.sample(1, 2).put("request_id", "traced-1"));
      assertThat(error.getJsonObject("error").getString("code")).isEqualTo("DETECTOR_UNAVAILABLE");
    }
    ClientStream.awaitCondition(() -> !captured.list.isEmpty());
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    encoder.start();
    List<JsonObject> lines = captured.list.stream()
        .map(event -> new JsonObject(new String(encoder.encode(event), StandardCharsets.UTF_8))).toList();
    assertThat(lines).anySatisfy(line -> {
      assertThat(line.getString("request_id")).isEqualTo("traced-1");
      assertThat(line.getString("session_id")).isEqualTo("traced");
      assertThat(line.getString("client_id")).isEqualTo("tracer");
      assertThat(line.getString("node")).isEqualTo("local");
      assertThat(line.getString("error_code")).isEqualTo("DETECTOR_UNAVAILABLE");
      assertThat(line.getString("level")).isEqualTo("INFO");
    });
  }
}
