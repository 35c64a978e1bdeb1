package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's keep-alive: a peer that stops answering its WebSocket pings (a dead host behind a NAT looks like
 * this) is closed with 4408 within {@code ping_interval + ping_timeout}; a silent peer that answers stays.
 */
@Timeout(60)
class KeepAliveTest extends EmbeddedGatewayTest {

  private static final double PING_INTERVAL = 1.0;
  private static final double PING_TIMEOUT = 1.0;
  /** Covers the timer's firing and the close frame's delivery on a loaded machine; a bound, not a measurement. */
  private static final double SCHEDULING_SLACK = 0.5;

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("gateway", new JsonObject().put("ping_interval", PING_INTERVAL)
        .put("ping_timeout", PING_TIMEOUT).put("connection_timeout", 60.0));
  }

  @Test
  void closesAPeerThatStopsAnsweringPingsWithinIntervalPlusTimeout() throws Exception {
    try (RawWebSocket deaf = new RawWebSocket(port, "/api/v1/streaming/enhanced/deaf", "none")) {
      // The server's clock starts when it has upgraded the connection: as the client sees the upgrade, give or take
      // a few milliseconds either way (the lower bounds allow a tenth).
      long connected = System.nanoTime();
      assertThat(deaf.nextFrame()).isEqualTo("ping");
      double pingedAfter = (System.nanoTime() - connected) / 1e9;
      assertThat(deaf.nextFrame()).isEqualTo("close:4408");
      double closedAfter = (System.nanoTime() - connected) / 1e9;
      assertThat(pingedAfter).isBetween(PING_INTERVAL * 0.9, PING_INTERVAL + SCHEDULING_SLACK);
      assertThat(closedAfter).isBetween((PING_INTERVAL + PING_TIMEOUT) * 0.9,
          PING_INTERVAL + PING_TIMEOUT + SCHEDULING_SLACK);
    }
  }

  @Test
  void keepsASilentPeerThatAnswersPings() {
    try (TestSocket quiet = open("quiet")) {
      long opened = System.nanoTime();
      quiet.awaitPings(3);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened))
          .as("three ping rounds outlast interval + timeout").isGreaterThan(
              Math.round((PING_INTERVAL + PING_TIMEOUT) * 1000));
      assertThat(quiet.isClosed()).isFalse();
      assertThat(quiet.request(Messages.of("ping")).getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void announcesItsKeepAliveInTheWelcome() {
    try (TestSocket socket = TestSocket.connect(vertx, port, "welcomed")) {
      JsonObject limits = socket.next().getJsonObject("limits");
      assertThat(limits.getDouble("ping_interval")).isEqualTo(PING_INTERVAL);
      assertThat(limits.getDouble("ping_timeout")).isEqualTo(PING_TIMEOUT);
    }
  }
}
