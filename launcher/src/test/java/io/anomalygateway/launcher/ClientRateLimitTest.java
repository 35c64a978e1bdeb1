package io.anomalygateway.launcher;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.ClientOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.anomalygateway.launcher.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst over the connection's message rate: the server refuses the excess with {@code RATE_LIMITED}, naming each
 * refused request and when to retry, and the client sends them again then, so the caller sees only results.
 */
@Timeout(60)
class ClientRateLimitTest extends EmbeddedGatewayTest {

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("security", new JsonObject().put("rate_limits", new JsonObject()
        .put("admin", new JsonObject().put("messages_per_second", 200).put("samples_per_second", 200_000))));
  }

  @Test
  void aRateLimitedRequestNamesItselfAndTheServerSaysWhenToRetry() {
    try (TestSocket socket = open("limited-raw")) {
      for (int i = 0; i < 400; i++) {
        socket.sendTextUnchecked(Messages.sample(1, 2).put("request_id", "b-" + i).encode());
      }
      JsonObject refused = socket.nextOf("error");
      assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("RATE_LIMITED");
      assertThat(refused.getString("request_id")).startsWith("b-");
      assertThat(refused.getJsonObject("error").getLong("retry_after_ms")).isPositive();
    }
  }

  @Test
  void theClientRetriesRateLimitedRequestsWhenTheServerSaysTheyWillPass() {
    try (AnomalyClient client = AnomalyClient.create(vertx, new ClientOptions().setUrl("ws://127.0.0.1:" + port)
        .setSessionId("limited"))) {
      await(client.connect());
      ClientStream stream = ClientStream.start(client, 600, 2, 3);
      stream.assertEachAnsweredOnceWithAResult();
      assertThat(await(client.stats()).totalSamples()).isEqualTo(600);
    }
  }

  @Test
  void aClientOverTheLimitForLongerThanTheFloodTimeIsPacedNotDisconnected() {
    try (AnomalyClient client = AnomalyClient.create(vertx, new ClientOptions().setUrl("ws://127.0.0.1:" + port)
        .setSessionId("paced"))) {
      await(client.connect());
      ClientStream stream = ClientStream.start(client, 1_500, 1, 3);
      stream.assertEachAnsweredOnceWithAResult();
      assertThat(client.statistics().reconnects()).as("closed for flooding and reconnected").isZero();
      assertThat(await(client.stats()).totalSamples()).isEqualTo(1_500);
    }
  }
}
