package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server in its default single-process mode, restarted as an operator would: sessions go on with their
 * counts and fitted models, and a request resent with its {@code request_id} gets its first answer, after SIGTERM
 * and after {@code kill -9}; a SIGTERM answers every request it received before closing with 1001.
 */
class RestartIT {

  private static final Path JAR = Path.of(System.getProperty("anomaly.jar", "target/anomaly-gateway.jar"));
  private static final Path LOGS = JAR.resolveSibling("restart-it");
  private static final String TOKEN = Tokens.hs256("restarter", List.of("producer"), null);
  private static final int SNAPSHOT_INTERVAL = 50;

  private Vertx vertx;
  private Path config;
  private Path dataDir;

  @BeforeEach
  void prepare() throws Exception {
    vertx = Vertx.vertx();
    Files.createDirectories(LOGS);
    dataDir = Files.createTempDirectory(LOGS.toAbsolutePath(), "data");
    config = dataDir.resolveSibling(dataDir.getFileName() + ".json");
    Files.writeString(config, new JsonObject()
        .put("persistence", new JsonObject().put("data_dir", dataDir.toString()))
        .put("cluster", new JsonObject().put("snapshot_interval", SNAPSHOT_INTERVAL)).encodePrettily());
  }

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void afterSigtermASessionGoesOnWithItsCountsItsModelAndItsFirstAnswers() {
    JsonObject first;
    try (NodeProcess server = start("sigterm-1")) {
      try (TestSocket socket = open(server)) {
        first = stream(socket, 0, 130);
      }
      server.terminate();
      assertThat(server.awaitExit(60)).isTrue();
    }
    assertGoesOnAfterRestart("sigterm-2", 130, first);
  }

  /**
   * A crash loses the samples since the last snapshot: at most {@code snapshot_interval} of them here (a session
   * due sooner than the commit interval after its last snapshot is written by a timer, so where the last snapshot
   * falls depends on timing). The session goes on from there, and a request that snapshot saw, resent, gets its
   * first answer.
   */
  @Test
  void afterKillNineASessionGoesOnFromItsLastSnapshot() throws Exception {
    List<JsonObject> answers = new java.util.ArrayList<>();
    try (NodeProcess server = start("kill-1")) {
      try (TestSocket socket = open(server)) {
        for (int i = 0; i < 150; i++) {
          answers.add(stream(socket, i, i + 1));
        }
        long answeredAt = System.currentTimeMillis();
        Path file = dataDir.resolve("sessions.mv.db");
        // The last snapshot is on disk once the file changed after the last answer and then stayed unchanged for
        // longer than a snapshot spacing and a commit (1 s each).
        ClientStream.awaitCondition(() -> Files.exists(file) && modified(file) > answeredAt
            && System.currentTimeMillis() - modified(file) > 2_500);
      }
      server.kill();
      assertThat(server.awaitExit(30)).isTrue();
    }
    try (NodeProcess server = start("kill-2"); TestSocket socket = open(server)) {
      JsonObject stats = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
      int restored = stats.getInteger("total_samples");
      assertThat(restored).isBetween(150 - SNAPSHOT_INTERVAL, 150);
      assertThat(stats.getBoolean("model_fitted")).isTrue();
      int last = restored - 1;
      assertSameAnswer(socket.request(Messages.sample(last, 1, 2).put("request_id", "r-" + last)),
          answers.get(last));
    }
  }

  @Test
  void sigtermAnswersEveryRequestItReceivedThenClosesWith1001() {
    try (NodeProcess server = start("drain"); TestSocket socket = open(server)) {
      int sent = 400;
      for (int i = 0; i < sent; i++) {
        socket.sendTextUnchecked(Messages.sample(i % 7, -i % 5, 1).put("request_id", "d-" + i).encode());
      }
      server.terminate();
      Set<String> answered = new HashSet<>();
      JsonObject message;
      while ((message = socket.poll(15_000)) != null) {
        String type = message.getString("type");
        assertThat(type).isIn("result", "error");
        if ("error".equals(type)) {
          assertThat(message.getJsonObject("error").getString("code")).isEqualTo("SHUTTING_DOWN");
        }
        answered.add(message.getString("request_id"));
        if (answered.size() == sent) {
          break;
        }
      }
      assertThat(answered).hasSize(sent);
      assertThat(socket.awaitClose()).isEqualTo((short) 1001);
    }
  }

  private NodeProcess start(String name) {
    return NodeProcess.start(name, JAR, LOGS, List.of("--port", "0", "--config", config.toString()),
        Map.of("ANOMALY_JWT_SECRET", Tokens.SECRET));
  }

  private TestSocket open(NodeProcess server) {
    return TestSocket.open(vertx, PrintedStart.of(server).port(), "kept?client_id=producer-1", TOKEN);
  }

  /** @return the answer to the last request */
  private static JsonObject stream(TestSocket socket, int from, int to) {
    JsonObject answer = null;
    for (int i = from; i < to; i++) {
      answer = socket.request(Messages.sample(i, 1, 2).put("request_id", "r-" + i));
      assertThat(answer.getString("type")).isEqualTo("result");
    }
    return answer;
  }

  /**
   * Starts the server again: the session counts {@code samples}, its model is fitted, and the last request, resent
   * with its id, gets its first answer.
   */
  private void assertGoesOnAfterRestart(String name, int samples, JsonObject lastAnswer) {
    try (NodeProcess server = start(name); TestSocket socket = open(server)) {
      int last = samples - 1;
      JsonObject again = socket.request(Messages.sample(last, 1, 2).put("request_id", "r-" + last));
      assertSameAnswer(again, lastAnswer);
      JsonObject stats = socket.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("streaming");
      assertThat(stats.getLong("total_samples")).isEqualTo(samples);
      assertThat(stats.getBoolean("model_fitted")).isTrue();
    }
  }

  /** The first answer again: the same sample (ids are unique per scored sample), the same verdict. */
  private static void assertSameAnswer(JsonObject again, JsonObject first) {
    JsonObject repeat = again.containsKey("result") ? again.getJsonObject("result") : again;
    JsonObject original = first.containsKey("result") ? first.getJsonObject("result") : first;
    assertThat(repeat.getString("sample_id")).isNotNull().isEqualTo(original.getString("sample_id"));
    assertThat(repeat.getDouble("confidence_score")).isEqualTo(original.getDouble("confidence_score"));
    assertThat(repeat.getBoolean("is_anomaly")).isEqualTo(original.getBoolean("is_anomaly"));
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
