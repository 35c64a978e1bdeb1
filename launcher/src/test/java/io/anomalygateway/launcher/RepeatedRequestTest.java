package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that reconnects sends the requests it had in flight again, with the same {@code request_id}: the server
 * answers them with their first result and scores nothing twice.
 */
@Timeout(60)
class RepeatedRequestTest extends EmbeddedGatewayTest {

  @Test
  void aRequestSentAgainOnANewConnectionGetsItsFirstResultAndIsScoredOnce() {
    JsonObject first;
    try (TestSocket socket = openAs("repeat", "client-1")) {
      first = socket.request(Messages.sample(1, 2).put("request_id", "r-1"));
    }
    try (TestSocket again = openAs("repeat", "client-1")) {
      JsonObject repeat = again.request(Messages.sample(5, 6).put("request_id", "r-1"));
      assertThat(repeat.getString("sample_id")).isEqualTo(first.getString("sample_id"));
      assertThat(repeat.getDouble("confidence_score")).isEqualTo(first.getDouble("confidence_score"));
      assertThat(totalSamples(again)).isEqualTo(1);
    }
  }

  @Test
  void aRepeatedBatchIsScoredOnce() {
    try (TestSocket socket = openAs("repeat-batch", "client-1")) {
      double[][] rows = {{1, 2}, {3, 4}, {5, 6}};
      JsonObject first = socket.request(Messages.batch(rows).put("request_id", "b-1"));
      JsonObject repeat = socket.request(Messages.batch(rows).put("request_id", "b-1"));
      assertThat(repeat.getJsonArray("results")).isEqualTo(first.getJsonArray("results"));
      assertThat(totalSamples(socket)).isEqualTo(3);
    }
  }

  @Test
  void theSameRequestIdFromAnotherClientIsAnotherRequest() {
    try (TestSocket one = openAs("shared", "client-1"); TestSocket two = openAs("shared", "client-2")) {
      one.request(Messages.sample(1, 2).put("request_id", "r-1"));
      two.request(Messages.sample(3, 4).put("request_id", "r-1"));
      assertThat(totalSamples(one)).isEqualTo(2);
    }
  }

  @Test
  void requestsWithoutAnIdAreAlwaysScored() {
    try (TestSocket socket = openAs("anonymous", "client-1")) {
      socket.sendText(Messages.sample(1, 2).encode());
      socket.sendText(Messages.sample(1, 2).encode());
      assertThat(socket.next().getString("type")).isEqualTo("result");
      assertThat(socket.next().getString("type")).isEqualTo("result");
      assertThat(totalSamples(socket)).isEqualTo(2);
    }
  }

  private TestSocket openAs(String sessionId, String clientId) {
    TestSocket socket = TestSocket.connect(vertx, port, "/api/v1/streaming/enhanced/" + sessionId + "?client_id="
        + clientId);
    assertThat(socket.next().getString("type")).isEqualTo("welcome");
    return socket;
  }

  private static long totalSamples(TestSocket socket) {
    return socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming")
        .getLong("total_samples");
  }
}
