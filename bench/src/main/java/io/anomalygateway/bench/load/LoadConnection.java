package io.anomalygateway.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection of the load: keeps {@code window} requests in flight, matches each response to its request by
 * {@code request_id}, and records the round trip. All its state is touched on its own event loop only.
 */
final class LoadConnection {

  private final WebSocketClient client;
  private final LoadOptions options;
  private final String session;
  private final String prefix;
  private final Payloads payloads;
  private final LoadRecorder recorder;
  private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
  private WebSocket socket;
  private Context context;
  private long sequence;
  private volatile boolean sending;

  LoadConnection(WebSocketClient client, LoadOptions options, String session, int id, Payloads payloads,
                 LoadRecorder recorder) {
    this.client = client;
    this.options = options;
    this.session = session;
    this.prefix = "c" + id + "-";
    this.payloads = payloads;
    this.recorder = recorder;
  }

  Future<Void> connect() {
    WebSocketConnectOptions connect = new WebSocketConnectOptions()
        .setAbsoluteURI(options.url() + "/api/v1/streaming/enhanced/" + session);
    if (options.token() != null) {
      connect.addHeader("Authorization", "Bearer " + options.token());
    }
    return client.connect(connect).map(ws -> {
      socket = ws;
      context = Vertx.currentContext();
      ws.textMessageHandler(this::onMessage);
      return null;
    });
  }

  /** Starts sending, after the session config if there is one: called on any thread, runs on the event loop. */
  void start() {
    sending = true;
    context.runOnContext(v -> {
      if (options.sessionConfig() != null) {
        String requestId = prefix + "config";
        inFlight.put(requestId, System.nanoTime());
        socket.writeTextMessage("{\"type\":\"config\",\"request_id\":\"" + requestId + "\",\"config\":"
            + options.sessionConfig() + "}");
      }
      for (int i = 0; i < options.window(); i++) {
        sendNext();
      }
    });
  }

  void stop() {
    sending = false;
  }

  int inFlight() {
    return inFlight.size();
  }

  Future<Void> close() {
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  private void sendNext() {
    String requestId = prefix + sequence;
    String text = payloads.request(requestId, sequence++);
    inFlight.put(requestId, System.nanoTime());
    socket.writeTextMessage(text);
  }

  private void onMessage(String text) {
    Response response;
    try {
      response = Response.read(text);
    } catch (IOException e) {
      recorder.unmatched();
      return;
    }
    if ("welcome".equals(response.type())) {
      return;
    }
    Long sent = response.requestId() == null ? null : inFlight.remove(response.requestId());
    if (sent == null) {
      recorder.unmatched();
      return;
    }
    recorder.record(System.nanoTime() - sent, response);
    if (sending && !"config_ack".equals(response.type())) {
      sendNext();
    }
  }
}
