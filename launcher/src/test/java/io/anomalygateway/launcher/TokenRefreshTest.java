package io.anomalygateway.launcher;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.ClientOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.anomalygateway.launcher.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A long-lived connection outlives its token by refreshing it in place; one that does not is closed with 4401. */
@Timeout(60)
class TokenRefreshTest extends SecuredGatewayTest {

  private static final List<String> PRODUCER = List.of("producer");

  @Test
  void aConnectionWhoseTokenExpiresIsClosedWith4401EvenIfItOnlyListens() {
    try (TestSocket socket = TestSocket.open(vertx, port, "listener",
        Tokens.expiringIn(2, "alice", PRODUCER, null))) {
      socket.request(TopicsTest.subscribe("anomalies", null));
      assertThat(socket.awaitClose()).isEqualTo((short) 4401);
    }
  }

  @Test
  void aRefreshedConnectionLivesPastItsFirstToken() {
    String first = Tokens.expiringIn(2, "alice", PRODUCER, null);
    long firstExpiry = Instant.now().getEpochSecond() + 2;
    try (TestSocket socket = TestSocket.open(vertx, port, "refreshed", first)) {
      JsonObject refreshed = socket.request(new JsonObject().put("type", "refresh")
          .put("token", Tokens.expiringIn(3600, "alice", PRODUCER, null)));
      assertThat(refreshed.getString("type")).isEqualTo("refreshed");
      assertThat(Instant.parse(refreshed.getString("expires_at")).getEpochSecond()).isGreaterThan(firstExpiry + 60);
      ClientStream.awaitCondition(() -> Instant.now().getEpochSecond() > firstExpiry + 1);
      assertThat(socket.sample(1, 2).getString("type")).isEqualTo("result");
      assertThat(socket.isClosed()).isFalse();
    }
  }

  @Test
  void aTokenForSomeoneElseOrAnotherSessionIsRefusedAndTheOldOneStays() {
    try (TestSocket socket = TestSocket.open(vertx, port, "mine", Tokens.hs256("alice", PRODUCER, null))) {
      JsonObject stranger = socket.request(new JsonObject().put("type", "refresh")
          .put("token", Tokens.hs256("mallory", PRODUCER, null)));
      assertThat(stranger.getJsonObject("error").getString("code")).isEqualTo("FORBIDDEN");
      JsonObject elsewhere = socket.request(new JsonObject().put("type", "refresh")
          .put("token", Tokens.hs256("alice", PRODUCER, List.of("other"))));
      assertThat(elsewhere.getJsonObject("error").getString("code")).isEqualTo("FORBIDDEN");
      JsonObject forged = socket.request(new JsonObject().put("type", "refresh")
          .put("token", Tokens.otherKey("alice", PRODUCER)));
      assertThat(forged.getJsonObject("error").getString("code")).isEqualTo("FORBIDDEN");
      assertThat(forged.getJsonObject("error").getString("message")).doesNotContain("Exception");
      assertThat(socket.sample(1, 2).getString("type")).isEqualTo("result");
    }
  }

  @Test
  void theClientRefreshesItsTokenBeforeItExpiresWithoutReconnecting() {
    AtomicInteger minted = new AtomicInteger();
    ClientOptions options = new ClientOptions().setUrl("ws://127.0.0.1:" + port).setSessionId("client-refresh")
        .setToken(() -> {
          minted.incrementAndGet();
          return Tokens.expiringIn(3, "alice", PRODUCER, null);
        });
    try (AnomalyClient client = AnomalyClient.create(vertx, options)) {
      await(client.connect());
      long start = Instant.now().getEpochSecond();
      ClientStream.awaitCondition(() -> Instant.now().getEpochSecond() > start + 5);
      assertThat(await(client.sendSample(new double[] {1, 2})).sampleId()).isNotBlank();
      assertThat(client.statistics().reconnects()).isZero();
      assertThat(minted.get()).isGreaterThanOrEqualTo(3);
    }
  }
}
