package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/streaming/access}: what a token permits, as the server judges it (the dashboard asks it). */
@Timeout(60)
class AccessEndpointTest extends SecuredGatewayTest {

  private Map.Entry<Integer, JsonObject> access(String query, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/v1/streaming/access" + query));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    return Map.entry(response.statusCode(), new JsonObject(response.body()));
  }

  private static String token(String token) {
    return "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  @Test
  void aViewerLearnsItsSessionsAndWhetherItMayWatchTheOneItAsksFor() throws Exception {
    String viewer = Tokens.hs256("wall-screen", List.of("viewer"), List.of("demo", "line-*"));
    JsonObject mine = access("?session=line-4&" + token(viewer), null).getValue();
    assertThat(mine.getString("subject")).isEqualTo("wall-screen");
    assertThat(mine.getString("role")).isEqualTo("viewer");
    assertThat(mine.getJsonArray("sessions")).isEqualTo(new JsonArray().add("demo").add("line-*"));
    assertThat(mine.getBoolean("all_sessions")).isFalse();
    assertThat(mine.getString("expires_at")).endsWith("Z");
    assertThat(mine.getBoolean("session_permitted")).isTrue();
    assertThat(access("?session=other&" + token(viewer), null).getValue().getBoolean("session_permitted")).isFalse();
  }

  @Test
  void anAdminMayWatchEverySessionAndTheHeaderWorksLikeTheQuery() throws Exception {
    Map.Entry<Integer, JsonObject> admin = access("", "Bearer " + Tokens.hs256("ops", List.of("admin"), null));
    assertThat(admin.getKey()).isEqualTo(200);
    assertThat(admin.getValue().getBoolean("all_sessions")).isTrue();
    assertThat(admin.getValue().getValue("sessions")).isNull();
  }

  @Test
  void aMissingOrForgedTokenGets401WithoutDetails() throws Exception {
    assertThat(access("", null).getKey()).isEqualTo(401);
    Map.Entry<Integer, JsonObject> forged = access("?" + token(Tokens.otherKey("ops", List.of("admin"))), null);
    assertThat(forged.getKey()).isEqualTo(401);
    assertThat(forged.getValue().fieldNames()).containsExactly("error");
  }
}
