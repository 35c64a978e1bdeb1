package io.anomalygateway.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket load generator for the gateway: C connections, each keeping W requests in flight, over S sessions,
 * measured after a warm-up; prints one JSON line with throughput, latency percentiles (overall, and split by whether
 * the sample's model was being refitted), errors, timeouts and a correctness check.
 */
public final class LoadGenerator {

  private static final long DRAIN_MILLIS = 10_000;

  private LoadGenerator() {
  }

  /**
   * @param vertx where the connections run
   * @param options what to run
   * @return throughput, latency percentiles, errors and the check of every answer
   */
  static JsonObject run(Vertx vertx, LoadOptions options) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(Math.max(options.connections(), options.connectOnly()) + 10)
        .setMaxFrameSize(64 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    if (options.connectOnly() > 0) {
      return ConnectionHold.run(vertx, client, options);
    }
    LoadRecorder recorder = new LoadRecorder();
    Payloads payloads = new Payloads(options, 1);
    List<LoadConnection> connections = new ArrayList<>();
    List<Future<Void>> connected = new ArrayList<>();
    for (int i = 0; i < options.connections(); i++) {
      String session = options.sessionPrefix() + "-" + (i % options.sessions());
      LoadConnection connection = new LoadConnection(client, options, session, i, payloads, recorder);
      connections.add(connection);
      connected.add(connection.connect());
    }
    Future.all(connected).await(60, TimeUnit.SECONDS);
    connections.forEach(LoadConnection::start);
    Thread.sleep(Math.round(options.warmupSeconds() * 1000));
    recorder.reset();
    long started = System.nanoTime();
    Thread.sleep(Math.round(options.durationSeconds() * 1000));
    double seconds = (System.nanoTime() - started) / 1e9;
    JsonObject report = recorder.report(seconds, 0);
    connections.forEach(LoadConnection::stop);
    long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
    while (connections.stream().mapToInt(LoadConnection::inFlight).sum() > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    long timeouts = connections.stream().mapToInt(LoadConnection::inFlight).sum();
    report.put("timeouts", timeouts);
    if (timeouts > 0) {
      report.put("check", "failed");
    }
    return describe(options).mergeIn(report);
  }

  private static JsonObject describe(LoadOptions options) {
    return new JsonObject()
        .put("mode", options.batch() ? "batch" : "sample")
        .put("connections", options.connections())
        .put("window", options.window())
        .put("sessions", options.sessions())
        .put("dims", options.dims())
        .put("batch_size", options.batch() ? options.batchSize() : 1)
        .put("algorithm", options.algorithm() == null ? "session default" : options.algorithm())
        .put("duration_s", options.durationSeconds());
  }
}
