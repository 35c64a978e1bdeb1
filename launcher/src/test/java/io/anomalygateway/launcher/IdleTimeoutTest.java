package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections that send nothing for {@code connection_timeout} are closed; active ones are not. */
@Timeout(30)
class IdleTimeoutTest extends EmbeddedGatewayTest {

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("gateway", new JsonObject().put("connection_timeout", 0.5));
  }

  @Test
  void closesAConnectionThatStaysSilent() {
    try (TestSocket silent = open("silent")) {
      assertThat(silent.awaitClose()).isEqualTo((short) 1000);
    }
  }

  @Test
  void keepsAConnectionThatKeepsTalking() {
    try (TestSocket silent = open("silent"); TestSocket talking = open("talking")) {
      // One ping per 50 ms keeps "talking" well inside both the idle timeout and the rate limit.
      while (!silent.closesWithin(50)) {
        assertThat(talking.request(Messages.of("ping")).getString("type")).isEqualTo("pong");
      }
      assertThat(talking.request(Messages.of("ping")).getString("type")).isEqualTo("pong");
      assertThat(talking.isClosed()).isFalse();
    }
  }
}
