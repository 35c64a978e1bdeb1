package io.anomalygateway.bench.echo;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The ceiling every benchmark is compared with: the same HTTP/WebSocket/JSON stack as the gateway (Vert.x on one
 * event loop per core), parsing each message into a JSON object and answering a result-shaped JSON (a
 * {@code result}, or a {@code batch_result} with one entry per row) without detection, event bus or limits.
 * {@code java -jar bench/target/anomaly-bench.jar echo [--port 8200] [--host 127.0.0.1]}.
 */
public final class EchoServer {

  private EchoServer() {
  }

  public static void main(String[] args) {
    int port = 8200;
    String host = "127.0.0.1";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--host" -> host = args[i + 1];
        default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
      }
    }
    Vertx vertx = Vertx.vertx(new VertxOptions());
    int cores = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < cores; i++) {
      vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(16 * 1024 * 1024)
              .setMaxWebSocketMessageSize(16 * 1024 * 1024))
          .webSocketHandler(EchoServer::serve).listen(port, host).await();
    }
    System.out.println("Echo baseline listening on ws://" + host + ":" + port + " (" + cores + " event loops)");
  }

  private static void serve(ServerWebSocket socket) {
    socket.writeTextMessage(new JsonObject().put("type", "welcome").put("success", true).encode());
    socket.textMessageHandler(text -> socket.writeTextMessage(answer(new JsonObject(text)).encode()));
  }

  private static JsonObject answer(JsonObject request) {
    JsonObject metadata = new JsonObject().put("processing_time_ms", 0.0).put("model_fitted", true)
        .put("refitting", false);
    JsonObject answer = new JsonObject().put("success", true).put("request_id", request.getString("request_id"));
    JsonArray rows = request.getJsonArray("batch_data");
    if (rows == null) {
      return answer.put("type", "result").put("sample_id", UUID.randomUUID().toString()).put("is_anomaly", false)
          .put("confidence_score", 0.1).put("algorithm", "echo").put("metadata", metadata);
    }
    JsonArray results = new JsonArray();
    for (int i = 0; i < rows.size(); i++) {
      results.add(new JsonObject().put("index", i).put("sample_id", UUID.randomUUID().toString())
          .put("is_anomaly", false).put("confidence_score", 0.1));
    }
    return answer.put("type", "batch_result").put("algorithm", "echo").put("count", rows.size())
        .put("anomalies", 0).put("results", results).put("metadata", metadata);
  }
}
