package io.anomalygateway.launcher.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A producer that keeps {@code window} single-sample requests in flight on one session until stopped, and records
 * every answer with the moment its request was sent: what a test needs to say that each request was answered
 * exactly once and how the session behaved after an event (a crash) that happened at a known moment.
 */
final class SampleStream {

  /**
   * One answered request.
   *
   * @param sequence the request's position in the stream
   * @param sentAt when it was sent ({@link System#nanoTime()})
   * @param answer the server's answer
   * @param answeredAt when it arrived ({@link System#nanoTime()})
   */
  record Answer(long sequence, long sentAt, JsonObject answer, long answeredAt) {

    boolean isResult() {
      return "result".equals(answer.getString("type"));
    }

    boolean fitted() {
      return isResult() && answer.getJsonObject("metadata").getBoolean("model_fitted");
    }

    String errorCode() {
      JsonObject error = answer.getJsonObject("error");
      return error == null ? null : error.getString("code");
    }
  }

  private final String sessionId;
  private final int window;
  private final Random random;
  private final Map<String, long[]> pending = new ConcurrentHashMap<>();
  private final List<Answer> answers = new ArrayList<>();
  private WebSocketClient client;
  private WebSocket socket;
  private volatile boolean running;
  private long sent;

  SampleStream(String sessionId, int window, long seed) {
    this.sessionId = sessionId;
    this.window = window;
    this.random = new Random(seed);
  }

  /** Connects to a gateway and starts sending. */
  Future<Void> start(Vertx vertx, int port) {
    client = vertx.createWebSocketClient();
    return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/streaming/enhanced/" + sessionId)).map(ws -> {
          socket = ws;
          ws.textMessageHandler(text -> onMessage(new JsonObject(text)));
          running = true;
          for (int i = 0; i < window; i++) {
            sendNext();
          }
          return null;
        });
  }

  private synchronized void sendNext() {
    String requestId = sessionId + "-" + sent;
    pending.put(requestId, new long[] {sent, System.nanoTime()});
    sent++;
    socket.writeTextMessage(new JsonObject().put("type", "sample").put("request_id", requestId)
        .put("data", new JsonArray().add(random.nextGaussian()).add(random.nextGaussian())).encode());
  }

  private void onMessage(JsonObject message) {
    String requestId = message.getString("request_id");
    long[] request = requestId == null ? null : pending.remove(requestId);
    if (request == null) {
      return;
    }
    synchronized (this) {
      answers.add(new Answer(request[0], request[1], message, System.nanoTime()));
      notifyAll();
    }
    if (running) {
      sendNext();
    }
  }

  /** Stops sending; what is in flight is still awaited by {@link #awaitAllAnswered(long)}. */
  void stop() {
    running = false;
  }

  /** @return whether every request sent was answered, waiting at most {@code seconds} */
  boolean awaitAllAnswered(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      synchronized (this) {
        wait(50);
      }
    }
    return pending.isEmpty();
  }

  /** @return the answers so far, in the order they arrived */
  synchronized List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** @return how many requests were sent */
  synchronized long sent() {
    return sent;
  }

  /** Waits until at least {@code count} answers arrived; {@code false} when the time ran out. */
  boolean awaitAnswers(int count, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (answers().size() < count && System.nanoTime() < deadline) {
      synchronized (this) {
        wait(50);
      }
    }
    return answers().size() >= count;
  }

  String sessionId() {
    return sessionId;
  }

  void close() {
    if (client != null) {
      client.close();
    }
  }
}
