package io.anomalygateway.client;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the client does while no gateway answers: it queues within bounds and retries per its backoff. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class ClientOfflineTest {

  /** A TCP server that hangs up on every connection: each reconnect attempt fails at once. */
  private static int refusingServer(Vertx vertx, List<Long> attempts) throws Exception {
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      attempts.add(System.nanoTime());
      socket.close();
    });
    return server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
  }

  @Test
  void reconnectAttemptsAreSpacedByTheBackoffThenTheClientGivesUp(Vertx vertx) throws Exception {
    List<Long> attempts = new CopyOnWriteArrayList<>();
    int port = refusingServer(vertx, attempts);
    AnomalyClient client = AnomalyClient.create(vertx, new ClientOptions().setUrl("ws://127.0.0.1:" + port)
        .setReconnectAttempts(4).setInitialBackoff(100).setMaxBackoff(400).setJitter(0));
    CompletableFuture<DetectionResult> queued = client.sendSample(new double[] {1, 2});
    assertThatThrownBy(() -> client.connect().get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ConnectionLostException.class);
    assertThatThrownBy(() -> queued.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionLostException.class);
    assertThat(attempts).hasSize(5);
    long[] expected = {100, 200, 400, 400};
    for (int i = 0; i < expected.length; i++) {
      long gap = TimeUnit.NANOSECONDS.toMillis(attempts.get(i + 1) - attempts.get(i));
      assertThat(gap).as("gap before attempt %d", i + 1).isBetween(expected[i] * 8 / 10, expected[i] * 10);
    }
    client.close();
  }

  @Test
  void aFullQueueRejectsTheNewRequestWithPolicyReject(Vertx vertx) throws Exception {
    int port = refusingServer(vertx, new CopyOnWriteArrayList<>());
    try (AnomalyClient client = AnomalyClient.create(vertx, offline(port).setMaxQueueSize(2))) {
      client.connect();
      CompletableFuture<DetectionResult> first = client.sendSample(new double[] {1});
      client.sendSample(new double[] {2});
      CompletableFuture<DetectionResult> third = client.sendSample(new double[] {3});
      assertThat(failureOf(third)).isInstanceOf(QueueFullException.class).hasMessageContaining("reject");
      assertThat(first).isNotDone();
      assertThat(client.statistics().dropped()).isEqualTo(1);
      assertThat(client.statistics().queued()).isEqualTo(2);
    }
  }

  @Test
  void aFullQueueDropsTheOldestRequestWithPolicyDropOldest(Vertx vertx) throws Exception {
    int port = refusingServer(vertx, new CopyOnWriteArrayList<>());
    try (AnomalyClient client = AnomalyClient.create(vertx, offline(port).setMaxQueueSize(2)
        .setOverflowPolicy(OverflowPolicy.DROP_OLDEST))) {
      client.connect();
      CompletableFuture<DetectionResult> first = client.sendSample(new double[] {1});
      client.sendSample(new double[] {2});
      CompletableFuture<DetectionResult> third = client.sendSample(new double[] {3});
      assertThat(failureOf(first)).isInstanceOf(QueueFullException.class).hasMessageContaining("drop_oldest");
      assertThat(third).isNotDone();
      assertThat(client.statistics().dropped()).isEqualTo(1);
    }
  }

  @Test
  void aRequestThatWaitsTooLongTimesOut(Vertx vertx) throws Exception {
    int port = refusingServer(vertx, new CopyOnWriteArrayList<>());
    try (AnomalyClient client = AnomalyClient.create(vertx, offline(port).setRequestTimeout(200))) {
      client.connect();
      assertThat(failureOf(client.sendSample(new double[] {1}))).isInstanceOf(RequestTimeoutException.class);
      assertThat(client.statistics().errors()).isEqualTo(1);
    }
  }

  @Test
  void closingFailsWhatIsPendingOnce(Vertx vertx) throws Exception {
    int port = refusingServer(vertx, new CopyOnWriteArrayList<>());
    AnomalyClient client = AnomalyClient.create(vertx, offline(port));
    client.connect();
    CompletableFuture<DetectionResult> pending = client.sendSample(new double[] {1});
    client.close();
    assertThat(failureOf(pending)).isInstanceOf(ConnectionLostException.class);
    assertThat(failureOf(client.sendSample(new double[] {2}))).isInstanceOf(ConnectionLostException.class);
  }

  /** Never gets through: keeps retrying slowly, so that requests stay queued. */
  private static ClientOptions offline(int port) {
    return new ClientOptions().setUrl("ws://127.0.0.1:" + port).setInitialBackoff(5_000).setMaxBackoff(5_000);
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + future.join());
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no outcome within 10 s");
    }
  }
}
