package io.anomalygateway.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOptionsTest {

  @Test
  void jsonRoundTripKeepsEveryKey() {
    ClientOptions options = new ClientOptions().setUrl("wss://gateway.example:443").setSessionId("s-1")
        .setClientId("c-1").setReconnectAttempts(5).setInitialBackoff(50).setMaxBackoff(500).setJitter(0.2)
        .setPingInterval(1_000).setPingTimeout(2_000).setRequestTimeout(3_000).setMaxQueueSize(7)
        .setOverflowPolicy(OverflowPolicy.DROP_OLDEST).setMaxInFlight(9);
    assertThat(new ClientOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    assertThat(options.toJson().getString("overflow_policy")).isEqualTo("drop_oldest");
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    ClientOptions options = new ClientOptions();
    assertThatThrownBy(() -> options.setUrl("http://x")).hasMessageContaining("url");
    assertThatThrownBy(() -> options.setSessionId("a b")).hasMessageContaining("session_id");
    assertThatThrownBy(() -> options.setReconnectAttempts(-2)).hasMessageContaining("reconnect_attempts");
    assertThatThrownBy(() -> options.setJitter(1.5)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> options.setMaxQueueSize(0)).hasMessageContaining("max_queue_size");
    assertThatThrownBy(() -> new ClientOptions(new JsonObject().put("overflow_policy", "panic")))
        .hasMessageContaining("overflow_policy");
  }

  @Test
  void durationsMayCarryTheirUnit() {
    ClientOptions options = new ClientOptions().setRequestTimeout(Duration.ofSeconds(5))
        .setPingInterval(Duration.ofMillis(1500)).setPingTimeout(Duration.ofSeconds(2))
        .setInitialBackoff(Duration.ofMillis(50)).setMaxBackoff(Duration.ofSeconds(3));
    assertThat(options.getRequestTimeout()).isEqualTo(5_000);
    assertThat(options.getPingInterval()).isEqualTo(1_500);
    assertThat(options.getPingTimeout()).isEqualTo(2_000);
    assertThat(options.getInitialBackoff()).isEqualTo(50);
    assertThat(options.getMaxBackoff()).isEqualTo(3_000);
  }
}
