package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One named connection of a conformance scenario, over a plain WebSocket, and everything it received. */
final class ConformancePeer implements AutoCloseable {

  private static final Set<String> EVENT_TYPES = Set.of("anomaly", "alert", "stats", "drift");
  private static final long WAIT_MILLIS = 20_000;

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final AsyncApiContract contract;
  final List<JsonObject> answers = new ArrayList<>();
  final List<JsonObject> events = new ArrayList<>();
  final List<String> violations = new ArrayList<>();
  JsonObject welcome;
  private Short closeCode;

  private ConformancePeer(Vertx vertx, AsyncApiContract contract) {
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(64 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    this.socket = client.webSocket();
    this.contract = contract;
    socket.textMessageHandler(text -> received(new JsonObject(text)));
    socket.closeHandler(v -> {
      synchronized (this) {
        closeCode = socket.closeStatusCode();
        notifyAll();
      }
    });
  }

  /** Connects; the upgrade's refusal ({@link io.vertx.core.http.UpgradeRejectedException}) propagates. */
  static ConformancePeer connect(Vertx vertx, int port, String session, String token, AsyncApiContract contract) {
    ConformancePeer peer = new ConformancePeer(vertx, contract);
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/streaming/enhanced/" + session);
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    try {
      TestSocket.await(peer.socket.connect(options));
    } catch (RuntimeException | Error e) {
      peer.client.close();
      throw e;
    }
    peer.await(() -> peer.welcome != null);
    return peer;
  }

  private synchronized void received(JsonObject message) {
    contract.problems(message).forEach(problem -> violations.add(message.getString("type") + ": " + problem));
    String type = message.getString("type");
    if ("welcome".equals(type)) {
      welcome = message;
    } else if (EVENT_TYPES.contains(type) && message.containsKey("topic")) {
      events.add(message);
    } else {
      answers.add(message);
    }
    notifyAll();
  }

  void sendText(String text) {
    socket.writeTextMessage(text);
  }

  /** Sends one text message in frames of {@code size} characters, as a client streaming a large message would. */
  void sendFragments(String text, int size) {
    for (int start = 0; start < text.length(); start += size) {
      String part = text.substring(start, Math.min(text.length(), start + size));
      boolean last = start + size >= text.length();
      socket.writeFrame(start == 0 ? WebSocketFrame.textFrame(part, last)
          : WebSocketFrame.continuationFrame(Buffer.buffer(part), last));
    }
  }

  void sendBinary(byte[] data) {
    socket.writeBinaryMessage(Buffer.buffer(data));
  }

  /** Waits, on the messages' arrival rather than a clock, until the condition holds. */
  synchronized void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (!condition.getAsBoolean()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("not within " + WAIT_MILLIS + " ms; answers " + tail(answers) + ", events "
            + events.size());
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  synchronized Short closeCode() {
    return closeCode;
  }

  synchronized List<JsonObject> answersSince(int seen) {
    return new ArrayList<>(answers.subList(seen, answers.size()));
  }

  synchronized int answerCount() {
    return answers.size();
  }

  synchronized List<JsonObject> events() {
    return new ArrayList<>(events);
  }

  private static String tail(List<JsonObject> answers) {
    return answers.subList(Math.max(0, answers.size() - 2), answers.size()).toString();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
    client.close();
  }
}
