package io.anomalygateway.client;

import io.anomalygateway.protocol.Endpoints;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.Topic;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A producer's connection to the gateway that never loses a request and never has one scored twice: while
 * disconnected, requests wait in a bounded queue; after a reconnect (exponential backoff with jitter) the requests
 * that were in flight are sent again with the same {@code request_id}, which the server answers with their first
 * result, then the queued ones; subscriptions are restored. Every returned future completes exactly once.
 *
 * <p>Thread-safe: every method may be called from any thread; the client's state lives on one Vert.x context.
 * Closing it fails what is still pending with a {@link ConnectionLostException}.
 */
public final class AnomalyClient implements AutoCloseable {

  private static final Set<String> EVENT_TYPES = Arrays.stream(Topic.values()).map(Topic::eventType)
      .collect(Collectors.toUnmodifiableSet());

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final Context context;
  private final ClientOptions options;
  private final WebSocketClient sockets;
  private final Backoff backoff;
  private final RequestLedger ledger;
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  /** The client's own requests (resubscriptions, connection settings, token refreshes), by id, and their readers. */
  private final Map<String, Consumer<JsonObject>> internal = new HashMap<>();
  private final Pacer pacer = new Pacer();
  private long wakeTimer = -1;
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private volatile BiConsumer<String, Boolean> recoveryHandler = (topic, recovered) -> { };
  private ClientWebSocket socket;
  private boolean open;
  private boolean closed;
  private int attempt;
  private long connections;
  private long nextRequest;
  private long lastHeard;
  private long pingTimer = -1;
  private long refreshTimer = -1;
  private String token;

  /** A topic followed, and the position of the last event received on it, to resume from after a reconnect. */
  private static final class Subscription {
    private final String scope;
    private final Consumer<TopicEvent> handler;
    private String epoch;
    private long offset;

    private Subscription(String scope, Consumer<TopicEvent> handler) {
      this.scope = scope;
      this.handler = handler;
    }

    private JsonObject message(String topic) {
      JsonObject message = subscribeMessage(topic, scope);
      if (epoch != null) {
        message.getJsonObject("config").put("since", new JsonObject().put("epoch", epoch).put("offset", offset));
      }
      return message;
    }
  }

  private AnomalyClient(Vertx vertx, boolean ownsVertx, ClientOptions options) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.context = vertx.getOrCreateContext();
    this.options = options;
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(64 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    this.backoff = new Backoff(options, new Random());
    this.ledger = new RequestLedger(options);
  }

  /**
   * @param options where and how to connect
   * @return a client with its own Vert.x instance (closed with the client); call {@link #connect()} next
   */
  public static AnomalyClient create(ClientOptions options) {
    return new AnomalyClient(Vertx.vertx(), true, options);
  }

  /**
   * @param vertx the Vert.x instance to run on (not closed with the client)
   * @param options where and how to connect
   * @return a client; call {@link #connect()} next
   */
  public static AnomalyClient create(Vertx vertx, ClientOptions options) {
    return new AnomalyClient(vertx, false, options);
  }

  /**
   * Connects, retrying per the reconnect policy. Requests may be sent before it completes: they wait in the queue.
   *
   * @return completes when the server has welcomed the client; fails when every attempt failed
   */
  public CompletableFuture<Void> connect() {
    context.runOnContext(v -> {
      if (socket == null && !closed && attempt == 0 && connections == 0) {
        pingTimer = vertx.setPeriodic(options.getPingInterval(), id -> ping());
        dial();
      }
    });
    return connected;
  }

  /** Scores one sample with the session's algorithm. */
  public CompletableFuture<DetectionResult> sendSample(double[] data) {
    return sendSample(data, (String) null);
  }

  /**
   * @param data the sample's values
   * @param algorithm the algorithm to score it with, or {@code null} for the session's
   * @return the verdict
   */
  public CompletableFuture<DetectionResult> sendSample(double[] data, String algorithm) {
    JsonObject message = new JsonObject().put("type", "sample").put("data", array(data));
    if (algorithm != null) {
      message.put("algorithm", algorithm);
    }
    return submit(message, DetectionResult::fromResult);
  }

  /** Scores one sample and hands the verdict, or the failure, to a callback (on the client's thread). */
  public void sendSample(double[] data, BiConsumer<DetectionResult, Throwable> callback) {
    sendSample(data, null, callback);
  }

  /**
   * Scores one sample with an algorithm and hands the verdict, or the failure, to a callback (on the client's
   * thread), exactly once.
   *
   * @param algorithm the algorithm, or {@code null} for the session's
   */
  public void sendSample(double[] data, String algorithm, BiConsumer<DetectionResult, Throwable> callback) {
    sendSample(data, algorithm).whenComplete(callback);
  }

  /** Scores rows in order, in one request, with the session's algorithm. */
  public CompletableFuture<BatchResult> sendBatch(double[][] rows) {
    return sendBatch(rows, null);
  }

  /**
   * Scores rows in order, in one request.
   *
   * @param rows the rows, all of the session's dimension
   * @param algorithm the algorithm to score them with, or {@code null} for the session's
   * @return one verdict per row
   */
  public CompletableFuture<BatchResult> sendBatch(double[][] rows, String algorithm) {
    JsonArray data = new JsonArray();
    for (double[] row : rows) {
      data.add(array(row));
    }
    JsonObject message = new JsonObject().put("type", "batch").put("batch_data", data);
    if (algorithm != null) {
      message.put("algorithm", algorithm);
    }
    return submit(message, BatchResult::fromJson);
  }

  /** @return the session's statistics as the server reports them */
  public CompletableFuture<SessionStatistics> stats() {
    return submit(new JsonObject().put("type", "stats"), SessionStatistics::fromJson);
  }

  /**
   * Compares the session's reference window with its newest {@code windowSize} samples, with the server's default
   * method and level; while the reference re-forms after a drift that monitoring detected, the answer is that
   * detection (see {@link DriftResult#evidence()}).
   */
  public CompletableFuture<DriftResult> checkDrift(int windowSize) {
    return checkDrift(windowSize, null, Double.NaN);
  }

  /**
   * @param windowSize the newest samples to compare, 10 to the server's {@code max_window_size}
   * @param method {@code ks}, {@code psi}, {@code adwin} or {@code page_hinkley}; {@code null} for the server's
   * @param alpha the significance level after correction across features, in (0, 1); {@code NaN} for the server's
   * @return the comparison, feature by feature
   */
  public CompletableFuture<DriftResult> checkDrift(int windowSize, String method, double alpha) {
    JsonObject message = new JsonObject().put("type", "drift").put("window_size", windowSize);
    if (method != null) {
      message.put("method", method);
    }
    if (!Double.isNaN(alpha)) {
      message.put("alpha", alpha);
    }
    return submit(message, DriftResult::fromJson);
  }

  /**
   * Discards the session's drift reference (and the detection it re-forms after): the next samples form a new one.
   *
   * @return a result with status {@code reset}
   */
  public CompletableFuture<DriftResult> resetDrift() {
    return submit(new JsonObject().put("type", "drift").put("reset", true), DriftResult::fromJson);
  }

  /**
   * Changes the session's or the connection's settings (docs/protocol.md, {@code config}).
   *
   * @return all effective settings
   */
  public CompletableFuture<JsonObject> configure(JsonObject settings) {
    return submit(new JsonObject().put("type", "config").put("config", settings),
        answer -> answer.getJsonObject("config"));
  }

  /** Follows a topic for this client's session; the subscription is restored after every reconnect. */
  public CompletableFuture<Void> subscribe(String topic, Consumer<TopicEvent> handler) {
    return subscribe(topic, "session", handler);
  }

  /**
   * @param topic {@code anomalies}, {@code alerts}, {@code stats} or {@code drift}
   * @param scope {@code session} (this client's session) or {@code all} (every session, if the token allows it)
   * @param handler receives each event, on the client's thread
   * @return completes when the server confirmed the subscription
   */
  public CompletableFuture<Void> subscribe(String topic, String scope, Consumer<TopicEvent> handler) {
    context.runOnContext(v -> subscriptions.put(topic, new Subscription(scope, handler)));
    return submit(subscribeMessage(topic, scope), answer -> null);
  }

  /** Stops following a topic. */
  public CompletableFuture<Void> unsubscribe(String topic) {
    context.runOnContext(v -> subscriptions.remove(topic));
    return submit(new JsonObject().put("type", "unsubscribe").put("config", new JsonObject().put("topic", topic)),
        answer -> null);
  }

  /**
   * Tells the application how each subscription came back after a reconnect: {@code true} when the gateway replayed
   * every event missed meanwhile (they reach the topic's handler, in order, before new ones), {@code false} when
   * events may have been lost (a gateway restart, or a gap longer than its history) and the application should
   * reload the state it builds from the topic.
   *
   * @param handler called with the topic and whether it was recovered, on the client's thread
   * @return this client
   */
  public AnomalyClient recoveryHandler(BiConsumer<String, Boolean> handler) {
    this.recoveryHandler = handler;
    return this;
  }

  /** @return what the client has done so far */
  public ClientStatistics statistics() {
    return ledger.statistics(Math.max(0, connections - 1));
  }

  /** Closes the connection; pending requests fail with {@link ConnectionLostException}. Waits at most 10 s. */
  @Override
  public void close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      giveUp("The client was closed");
      // A connection attempt in progress may hold the client's close back; the outcomes are settled already.
      sockets.close();
      done.complete(null);
    });
    try {
      if (Vertx.currentContext() != context) {
        done.get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      // Closing is best effort past this point: the futures have their outcome already.
    } finally {
      if (ownsVertx) {
        vertx.close();
      }
    }
  }

  private <T> CompletableFuture<T> submit(JsonObject message, Function<JsonObject, T> reader) {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      PendingRequest<T> request = new PendingRequest<>("r" + (++nextRequest), message, reader);
      request.future().whenComplete((value, failure) -> {
        if (failure != null) {
          result.completeExceptionally(failure);
        } else {
          result.complete(value);
        }
      });
      if (closed) {
        ledger.fail(request, new ConnectionLostException("The client is closed"));
        return;
      }
      request.timer(vertx.setTimer(options.getRequestTimeout(), id -> {
        ledger.fail(request, new RequestTimeoutException(request.requestId(), options.getRequestTimeout()));
        sendQueued();
      }));
      if (open && ledger.canSend() && pacer.delay(System.nanoTime()) == 0) {
        pacer.sent(System.nanoTime());
        ledger.sending(request);
        socket.writeTextMessage(request.text());
      } else {
        PendingRequest<?> loser = ledger.queue(request);
        if (loser != null) {
          vertx.cancelTimer(loser.timer());
        }
      }
    });
    return result;
  }

  /** Handlers go on before connecting, so that the welcome, sent right after the upgrade, is never missed. */
  private void dial() {
    WebSocketConnectOptions connect = new WebSocketConnectOptions()
        .setAbsoluteURI(options.getUrl() + Endpoints.STREAMING_PREFIX
        + options.getSessionId() + "?client_id=" + options.getClientId());
    if (options.getToken() != null) {
      token = options.getToken().get();
      connect.addHeader("Authorization", "Bearer " + token);
    }
    ClientWebSocket ws = sockets.webSocket();
    ws.textMessageHandler(this::onMessage);
    ws.closeHandler(v -> {
      if (socket == ws) {
        socket = null;
        open = false;
        vertx.cancelTimer(refreshTimer);
        retry();
      }
    });
    socket = ws;
    lastHeard = System.nanoTime();
    ws.connect(connect).onComplete(done -> {
      if (closed) {
        if (done.succeeded()) {
          ws.close();
        }
      } else if (done.failed() && socket == ws) {
        socket = null;
        retry();
      }
    });
  }

  private void onMessage(String text) {
    lastHeard = System.nanoTime();
    JsonObject message = new JsonObject(text);
    String type = message.getString("type");
    String requestId = message.getString("request_id");
    Consumer<JsonObject> own = requestId == null ? null : internal.remove(requestId);
    if (own != null) {
      own.accept(message);
      return;
    }
    PendingRequest<?> request = ledger.answered(requestId);
    if (request != null && isRefusedForNow(message)) {
      backOff(request, message.getJsonObject("error").getLong("retry_after_ms", 100L));
    } else if (request != null) {
      vertx.cancelTimer(request.timer());
      // Counted before the future completes, so that a caller reading the statistics then sees it.
      if ("error".equals(type)) {
        ledger.failedAnswer();
      }
      request.answer(message);
      sendQueued();
    } else if ("welcome".equals(type)) {
      welcomed();
    } else if (EVENT_TYPES.contains(type)) {
      Subscription subscription = subscriptions.get(message.getString("topic"));
      if (subscription != null) {
        TopicEvent event = TopicEvent.fromJson(message);
        if (event.epoch() != null && "session".equals(subscription.scope)) {
          subscription.epoch = event.epoch();
          subscription.offset = event.offset();
        }
        subscription.handler.accept(event);
      }
    }
  }

  /** Restores subscriptions, then sends again what was in flight, then what queued, in that order. */
  private void welcomed() {
    open = true;
    attempt = 0;
    connections++;
    internal.clear();
    if (options.getProcessingMode() != null) {
      sendInternal(new JsonObject().put("type", "config").put("config", options.connectionSettings()), answer -> { });
    }
    if (connections > 1) {
      subscriptions.forEach((topic, subscription) -> sendInternal(subscription.message(topic),
          answer -> recoveryHandler.accept(topic, answer.getBoolean("recovered", false))));
    }
    for (PendingRequest<?> request : ledger.resend()) {
      socket.writeTextMessage(request.text());
    }
    sendQueued();
    scheduleRefresh();
    connected.complete(null);
  }

  /** Before the connection's token expires, a new one from the supplier goes over the open connection. */
  private void scheduleRefresh() {
    vertx.cancelTimer(refreshTimer);
    long delay = token == null ? -1 : TokenExpiry.refreshDelay(token, System.currentTimeMillis());
    if (delay > 0) {
      refreshTimer = vertx.setTimer(delay, id -> {
        if (!open) {
          return;
        }
        token = options.getToken().get();
        // Refused, the connection ends at the old token's expiry and comes back with a fresh token from the supplier.
        sendInternal(new JsonObject().put("type", "refresh").put("token", token), answer -> {
          if ("refreshed".equals(answer.getString("type"))) {
            scheduleRefresh();
          }
        });
      });
    }
  }

  /**
   * Over the rate limit, or sent to a gateway whose drain time is over: unprocessed either way, so the request is
   * sent again (after the delay, or on the next connection) instead of failing the caller.
   */
  private static boolean isRefusedForNow(JsonObject message) {
    JsonObject error = message.getJsonObject("error");
    return "error".equals(message.getString("type")) && error != null
        && (ErrorCode.RATE_LIMITED.code().equals(error.getString("code"))
        || ErrorCode.SHUTTING_DOWN.code().equals(error.getString("code")));
  }

  /**
   * The server refused the request for now, unprocessed: it goes out again before the queued ones, paced by the
   * server's delay (see {@link Pacer}), still within its request timeout, instead of failing the caller.
   */
  private void backOff(PendingRequest<?> request, long retryAfterMillis) {
    ledger.refused(request);
    pacer.refused(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(Math.max(1, retryAfterMillis)));
    sendQueued();
  }

  private void sendInternal(JsonObject message, Consumer<JsonObject> reader) {
    String requestId = "i" + (++nextRequest);
    internal.put(requestId, reader);
    socket.writeTextMessage(message.put("request_id", requestId).encode());
  }

  private void sendQueued() {
    while (open) {
      long wait = pacer.delay(System.nanoTime());
      if (wait > 0) {
        if (wakeTimer == -1) {
          wakeTimer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), id -> {
            wakeTimer = -1;
            sendQueued();
          });
        }
        return;
      }
      PendingRequest<?> next = ledger.nextQueued();
      if (next == null) {
        return;
      }
      pacer.sent(System.nanoTime());
      socket.writeTextMessage(next.text());
    }
  }

  private void retry() {
    if (closed) {
      return;
    }
    int allowed = options.getReconnectAttempts();
    if (allowed >= 0 && attempt >= allowed) {
      giveUp("The connection to " + options.getUrl() + " was lost and " + attempt + " reconnect attempts failed");
      return;
    }
    vertx.setTimer(backoff.delay(attempt++), id -> dial());
  }

  private void ping() {
    if (!open) {
      return;
    }
    long silent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeard);
    if (silent > options.getPingInterval() + options.getPingTimeout()) {
      socket.close((short) WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "No answer to ping");
    } else {
      socket.writeTextMessage("{\"type\":\"ping\"}");
    }
  }

  private void giveUp(String why) {
    if (closed) {
      return;
    }
    closed = true;
    open = false;
    vertx.cancelTimer(pingTimer);
    vertx.cancelTimer(refreshTimer);
    ConnectionLostException failure = new ConnectionLostException(why);
    List<PendingRequest<?>> pending = new ArrayList<>(ledger.drain());
    for (PendingRequest<?> request : pending) {
      vertx.cancelTimer(request.timer());
      ledger.fail(request, failure);
    }
    connected.completeExceptionally(failure);
    if (socket != null) {
      ClientWebSocket closing = socket;
      socket = null;
      try {
        closing.close();
      } catch (IllegalStateException notConnectedYet) {
        // Still connecting: its connect callback sees the client closed and closes it then.
      }
    }
  }

  private static JsonObject subscribeMessage(String topic, String scope) {
    return new JsonObject().put("type", "subscribe").put("config", new JsonObject().put("topic", topic)
        .put("scope", scope));
  }

  private static JsonArray array(double[] values) {
    JsonArray array = new JsonArray();
    for (double value : values) {
      array.add(value);
    }
    return array;
  }
}
