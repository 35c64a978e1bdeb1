package io.anomalygateway.launcher.offline;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Streams a drift data set through a running gateway's WebSocket endpoint, in order, in batches, with a session's
 * continuous drift monitoring set to one method, and collects the drift events the monitor publishes for it on the
 * event bus.
 */
public final class DriftStreamRun {

  private static final int BATCH = 100;

  private final Vertx vertx;
  private final int port;

  /**
   * @param vertx the Vert.x instance the gateway runs on (its event bus carries the drift events)
   * @param port the gateway's port
   */
  public DriftStreamRun(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
  }

  /**
   * @param session the session to stream into (a fresh one)
   * @param rows the stream
   * @param monitor the method of continuous monitoring
   * @return the stream positions at which drift was reported
   */
  public Future<List<Long>> run(String session, CsvTable rows, DriftMethod monitor) {
    List<Long> detections = new ArrayList<>();
    MessageConsumer<DriftEvent> consumer = vertx.eventBus().consumer(Addresses.DRIFT_EVENTS, message -> {
      if (message.body().sessionId().equals(session)) {
        detections.add(message.body().sample());
      }
    });
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024));
    return consumer.completion()
        .compose(v -> client.connect(port, "localhost", "/api/v1/streaming/enhanced/" + session))
        .compose(socket -> {
          Exchange exchange = new Exchange(socket);
          return exchange.request(new JsonObject().put("type", "config")
                  .put("config", new JsonObject().put("drift_monitor", monitor.wireName())))
              .compose(ack -> send(exchange, rows, 0))
              .compose(v -> exchange.request(new JsonObject().put("type", "stats")))
              .eventually(() -> socket.close());
        })
        .map(v -> detections)
        .eventually(() -> consumer.unregister().compose(v -> client.close()));
  }

  /** One batch at a time: the next goes when the previous is answered, so the stream keeps its order. */
  private Future<Void> send(Exchange exchange, CsvTable rows, int from) {
    if (from >= rows.features().count()) {
      return Future.succeededFuture();
    }
    int to = Math.min(from + BATCH, rows.features().count());
    JsonArray batch = new JsonArray();
    for (int row = from; row < to; row++) {
      JsonArray values = new JsonArray();
      for (int k = 0; k < rows.features().dims(); k++) {
        values.add(rows.features().value(row, k));
      }
      batch.add(values);
    }
    return exchange.request(new JsonObject().put("type", "batch").put("batch_data", batch))
        .compose(result -> send(exchange, rows, to));
  }

  /** Request and answer over one socket, one at a time. */
  private static final class Exchange {
    private final WebSocket socket;
    private Promise<JsonObject> pending;

    Exchange(WebSocket socket) {
      this.socket = socket;
      socket.textMessageHandler(text -> {
        JsonObject message = new JsonObject(text);
        if (pending != null && !"welcome".equals(message.getString("type"))) {
          Promise<JsonObject> answered = pending;
          pending = null;
          if (message.getBoolean("success", false)) {
            answered.complete(message);
          } else {
            answered.fail(message.encode());
          }
        }
      });
    }

    Future<JsonObject> request(JsonObject message) {
      pending = Promise.promise();
      Future<JsonObject> answer = pending.future();
      socket.writeTextMessage(message.encode());
      return answer;
    }
  }
}
