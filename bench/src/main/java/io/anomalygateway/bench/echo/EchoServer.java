package io.anomalygateway.bench.echo;

import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
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
@Command(name = "echo", mixinStandardHelpOptions = true,
    description = "The ceiling: the gateway's WebSocket/JSON stack answering result-shaped JSON without detection.")
public final class EchoServer implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8200", description = "port (default ${DEFAULT-VALUE})")
  int port;
  @Option(names = "--host", defaultValue = "127.0.0.1", description = "interface (default ${DEFAULT-VALUE})")
  String host;

  /** Starts one server per event loop, as the gateway does, and keeps serving until the process ends. */
  @Override
  public Integer call() {
    Vertx vertx = Vertx.vertx(new VertxOptions());
    int cores = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < cores; i++) {
      vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(16 * 1024 * 1024)
              .setMaxWebSocketMessageSize(16 * 1024 * 1024))
          .webSocketHandler(EchoServer::serve).listen(port, host).await();
    }
    System.out.println("Echo baseline listening on ws://" + host + ":" + port + " (" + cores + " event loops)");
    return 0;
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
