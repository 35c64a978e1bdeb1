package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions without requests for {@code session_idle_timeout} are evicted, and the evictions are counted. */
@Timeout(60)
class SessionEvictionTest extends EmbeddedGatewayTest {

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("detector", new JsonObject().put("session_idle_timeout", 0.2));
  }

  @Test
  void evictsAnIdleSessionAndCountsIt() {
    try (TestSocket idle = open("goes-idle"); TestSocket active = open("stays-active")) {
      idle.sample(1, 2, 3);
      active.sample(1, 2, 3);
      long deadline = System.nanoTime() + 30_000_000_000L;
      JsonObject detector = streaming(active).getJsonObject("detector");
      while (detector.getLong("evictions") == 0 && System.nanoTime() < deadline) {
        detector = streaming(active).getJsonObject("detector");
      }
      assertThat(detector.getLong("evictions")).isGreaterThanOrEqualTo(1);
      assertThat(streaming(active).getLong("total_samples")).isEqualTo(1);
      JsonObject fresh = streaming(idle);
      assertThat(fresh.getLong("total_samples")).isZero();
      assertThat(fresh.getInteger("dimension")).isZero();
    }
  }

  private static JsonObject streaming(TestSocket socket) {
    return socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
  }
}
