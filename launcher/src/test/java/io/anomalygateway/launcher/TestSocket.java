package io.anomalygateway.launcher;

import io.anomalygateway.protocol.Endpoints;
import io.anomalygateway.protocol.ResponseType;
import io.anomalygateway.protocol.Topic;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client for tests: sends text, binary or raw frames and hands out what the server sent, in order,
 * waiting at most a few seconds for each message (never sleeping).
 */
public final class TestSocket implements AutoCloseable {

  static final long WAIT_SECONDS = 10;

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  /** The types of topic events, which arrive between a request and its answer. */
  private static final java.util.Set<String> EVENT_TYPES = java.util.Arrays.stream(Topic.values())
      .map(Topic::eventType).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final java.util.Deque<JsonObject> events = new java.util.ArrayDeque<>();
  private final Promise<Short> closed = Promise.promise();
  private final java.util.concurrent.Semaphore pings = new java.util.concurrent.Semaphore(0);

  private TestSocket(WebSocketClient client, ClientWebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> received.add(new JsonObject(text)));
    // The SockJS raw WebSocket transport of the event-bus bridge answers in binary frames.
    socket.binaryMessageHandler(data -> received.add(new JsonObject(data)));
    socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
    // Vert.x answers the server's pings by itself; the test only counts them.
    socket.frameHandler(frame -> {
      if (frame.type() == io.vertx.core.http.WebSocketFrameType.PING) {
        pings.release();
      }
    });
  }

  /**
   * @param target a session id, or a whole URI when it starts with a slash
   */
  static TestSocket connect(Vertx vertx, int port, String target) {
    return connect(vertx, port, target, java.util.Map.of());
  }

  /**
   * @param target a session id, or a whole URI when it starts with a slash
   * @param headers headers of the upgrade request (e.g. {@code Authorization}, {@code Origin})
   */
  static TestSocket connect(Vertx vertx, int port, String target, java.util.Map<String, String> headers) {
    return connect(vertx, "localhost", port, target, headers);
  }

  /**
   * @param host the server's host (an address inside a test network namespace, say)
   */
  public static TestSocket connect(Vertx vertx, String host, int port, String target,
                                   java.util.Map<String, String> headers) {
    String uri = target.startsWith("/") ? target : Endpoints.streaming(target);
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(64 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    // Handlers are installed before connecting, so that no early message (the welcome) is missed.
    WebSocketConnectOptions options = new WebSocketConnectOptions().setPort(port).setHost(host).setURI(uri);
    headers.forEach(options::addHeader);
    TestSocket socket = new TestSocket(client, client.webSocket());
    try {
      await(socket.socket.connect(options));
      return socket;
    } catch (RuntimeException | Error e) {
      client.close();
      throw e;
    }
  }

  /** Connects and reads the welcome message. */
  public static TestSocket open(Vertx vertx, int port, String sessionId) {
    TestSocket socket = connect(vertx, port, sessionId);
    JsonObject welcome = socket.next();
    if (!ResponseType.WELCOME.wireName().equals(welcome.getString("type"))) {
      throw new AssertionError("expected a welcome, got " + welcome);
    }
    return socket;
  }

  /** Connects with a bearer token in the {@code Authorization} header and reads the welcome message. */
  static TestSocket open(Vertx vertx, int port, String sessionId, String token) {
    TestSocket socket = connect(vertx, port, sessionId, java.util.Map.of("Authorization", "Bearer " + token));
    JsonObject welcome = socket.next();
    if (!ResponseType.WELCOME.wireName().equals(welcome.getString("type"))) {
      throw new AssertionError("expected a welcome, got " + welcome);
    }
    return socket;
  }

  /** @return the HTTP status of an upgrade attempt: 101 when it succeeded (the connection is closed again) */
  static int upgradeStatus(Vertx vertx, int port, String target, java.util.Map<String, String> headers) {
    try (TestSocket socket = connect(vertx, port, target, headers)) {
      return 101;
    } catch (io.vertx.core.http.UpgradeRejectedException e) {
      return e.getStatus();
    }
  }

  void sendText(String text) {
    await(socket.writeTextMessage(text));
  }

  /** Sends without waiting for the write: the server may have closed the connection meanwhile. */
  public void sendTextUnchecked(String text) {
    socket.writeTextMessage(text);
  }

  /** @return the next message, or {@code null} when none arrives within {@code millis} */
  public JsonObject poll(long millis) {
    try {
      return received.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  void sendBinary(byte[] data) {
    await(socket.writeBinaryMessage(Buffer.buffer(data)));
  }

  void sendFrame(WebSocketFrame frame) {
    await(socket.writeFrame(frame));
  }

  /** Sends a frame without waiting: the server may close the connection before all of them are written. */
  void sendFrameUnchecked(WebSocketFrame frame) {
    socket.writeFrame(frame);
  }

  /**
   * Sends a request with a fresh request id and returns its answer, checking that it is the next message apart from
   * topic events (which are kept for {@link #nextOf(String)}).
   */
  public JsonObject request(JsonObject message) {
    String requestId = message.getString("request_id", UUID.randomUUID().toString());
    sendText(message.copy().put("request_id", requestId).encode());
    JsonObject answer = next();
    while (answer.getValue("request_id") == null && EVENT_TYPES.contains(answer.getString("type"))) {
      events.add(answer);
      answer = next();
    }
    if (!requestId.equals(answer.getString("request_id"))) {
      throw new AssertionError("expected the answer to " + requestId + ", got " + answer);
    }
    return answer;
  }

  /**
   * Reads results until every one of {@code count} requests is answered (each wait at most 10 s).
   *
   * @return the ids of the requests answered
   */
  public java.util.Set<String> awaitResults(int count) {
    java.util.Set<String> answered = new java.util.HashSet<>();
    while (answered.size() < count) {
      JsonObject message = poll(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      if (message == null || !ResponseType.RESULT.wireName().equals(message.getString("type"))) {
        throw new AssertionError("after " + answered.size() + " of " + count + " results, got " + message);
      }
      answered.add(message.getString("request_id"));
    }
    return answered;
  }

  public JsonObject sample(double... values) {
    return request(Messages.sample(values));
  }

  /** @return the next message the server sent */
  public JsonObject next() {
    try {
      JsonObject message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + WAIT_SECONDS + " s");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits for {@code count} WebSocket pings from the server (answered automatically), at most a few seconds each. */
  void awaitPings(int count) {
    for (int i = 0; i < count; i++) {
      try {
        if (!pings.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new AssertionError("no ping from the server within " + WAIT_SECONDS + " s (" + i + " so far)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** @return the status code of the server's close frame, once the connection closed */
  public short awaitClose() {
    return await(closed.future());
  }

  /** @return whether the connection closed within {@code millis}; waits on the close, not on a clock */
  boolean closesWithin(long millis) {
    try {
      closed.future().toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(e.getCause());
    }
  }

  /** Stops reading from the connection, as a client that stopped consuming would. */
  void stopReading() {
    socket.pause();
  }

  /** Reads again what the connection holds. */
  void resumeReading() {
    socket.resume();
  }

  /** @return the next message of the given type, skipping others (topic events of other types are kept) */
  public JsonObject nextOf(String type) {
    for (java.util.Iterator<JsonObject> kept = events.iterator(); kept.hasNext(); ) {
      JsonObject event = kept.next();
      if (type.equals(event.getString("type"))) {
        kept.remove();
        return event;
      }
    }
    JsonObject message = next();
    while (!type.equals(message.getString("type"))) {
      if (EVENT_TYPES.contains(message.getString("type"))) {
        events.add(message);
      }
      message = next();
    }
    return message;
  }

  /** @return the messages received so far and not yet taken, kept topic events first */
  java.util.List<JsonObject> drain() {
    java.util.List<JsonObject> messages = new java.util.ArrayList<>(events);
    events.clear();
    received.drainTo(messages);
    return messages;
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
    client.close();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
