package io.anomalygateway.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The connection-scale mode: opens many idle connections, 100 at a time, keeps them alive with a protocol
 * {@code ping} every 20 seconds, holds them for a while and reports how many stayed open.
 */
final class ConnectionHold {

  private static final int STEP = 100;
  private static final long PING_MILLIS = 20_000;

  private ConnectionHold() {
  }

  static JsonObject run(Vertx vertx, WebSocketClient client, LoadOptions options) throws Exception {
    List<WebSocket> open = new ArrayList<>();
    int failed = 0;
    long started = System.nanoTime();
    for (int first = 0; first < options.connectOnly(); first += STEP) {
      List<Future<WebSocket>> step = new ArrayList<>();
      for (int i = first; i < Math.min(first + STEP, options.connectOnly()); i++) {
        WebSocketConnectOptions connect = new WebSocketConnectOptions()
            .setAbsoluteURI(options.url() + "/api/v1/streaming/enhanced/idle-" + (i % options.sessions()));
        if (options.token() != null) {
          connect.addHeader("Authorization", "Bearer " + options.token());
        }
        step.add(client.connect(connect));
      }
      Future.join(step).await(120, TimeUnit.SECONDS);
      for (Future<WebSocket> connection : step) {
        if (connection.succeeded()) {
          connection.result().textMessageHandler(text -> { });
          open.add(connection.result());
        } else {
          failed++;
        }
      }
    }
    double connectSeconds = (System.nanoTime() - started) / 1e9;
    long timer = vertx.setPeriodic(PING_MILLIS, id -> open.forEach(ws -> {
      if (!ws.isClosed()) {
        ws.writeTextMessage("{\"type\":\"ping\"}");
      }
    }));
    Thread.sleep(Math.round(options.holdSeconds() * 1000));
    vertx.cancelTimer(timer);
    long held = open.stream().filter(ws -> !ws.isClosed()).count();
    return new JsonObject()
        .put("mode", "connect-only")
        .put("attempted", options.connectOnly())
        .put("opened", open.size())
        .put("failed", failed)
        .put("held", held)
        .put("connect_s", Math.round(connectSeconds * 100) / 100.0)
        .put("hold_s", options.holdSeconds());
  }
}
