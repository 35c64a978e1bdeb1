package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles: what viewers, producers and admins may do; a forbidden request keeps the connection open. */
@Timeout(60)
class AuthorizationTest extends SecuredGatewayTest {

  @Test
  void aViewerMayWatchAndReadStatsButNotStreamOrConfigure() {
    try (TestSocket viewer = TestSocket.open(vertx, port, "roles-1", Tokens.hs256("v", List.of("viewer"), null))) {
      for (JsonObject forbidden : List.of(Messages.sample(1, 2), Messages.batch(new double[][] {{1, 2}}),
          Messages.config(new JsonObject().put("buffer_size", 50)), new JsonObject().put("type", "drift"))) {
        JsonObject error = viewer.request(forbidden);
        assertThat(error.getJsonObject("error").getString("code")).isEqualTo("FORBIDDEN");
        assertThat(error.getJsonObject("error").getString("message")).contains("viewer");
      }
      assertThat(viewer.request(TopicsTest.subscribe("anomalies", null)).getString("type")).isEqualTo("subscribed");
      assertThat(viewer.request(Messages.of("stats")).getString("type")).isEqualTo("stats");
    }
  }

  @Test
  void onlyAnAdminMaySubscribeToEverySession() {
    try (TestSocket viewer = TestSocket.open(vertx, port, "roles-2", Tokens.hs256("v", List.of("viewer"), null));
         TestSocket producer = TestSocket.open(vertx, port, "roles-2", Tokens.hs256("p", List.of("producer"), null));
         TestSocket admin = TestSocket.open(vertx, port, "roles-2", Tokens.hs256("a", List.of("admin"), null))) {
      assertThat(viewer.request(TopicsTest.subscribe("anomalies", "all")).getJsonObject("error").getString("code"))
          .isEqualTo("FORBIDDEN");
      assertThat(producer.request(TopicsTest.subscribe("alerts", "all")).getJsonObject("error").getString("code"))
          .isEqualTo("FORBIDDEN");
      assertThat(admin.request(TopicsTest.subscribe("alerts", "all")).getString("scope")).isEqualTo("all");
    }
  }

  @Test
  void theHighestRoleOfATokenCounts() {
    try (TestSocket socket = TestSocket.open(vertx, port, "roles-3", Tokens.hs256("m", List.of("viewer", "producer"),
        null))) {
      assertThat(socket.sample(1, 2).getString("type")).isEqualTo("result");
    }
  }
}
