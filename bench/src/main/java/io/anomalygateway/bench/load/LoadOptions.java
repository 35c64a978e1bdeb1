package io.anomalygateway.bench.load;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The load generator's command line.
 *
 * @param url the gateway's base URL, e.g. {@code ws://localhost:8000}
 * @param connections WebSocket connections
 * @param window requests in flight per connection
 * @param durationSeconds measured seconds
 * @param warmupSeconds seconds before measuring
 * @param batch whether to send {@code batch} requests instead of {@code sample}s
 * @param batchSize rows per batch
 * @param dims values per sample
 * @param algorithm the algorithm to request, or {@code null} for the session's default
 * @param anomalyRate share of samples made anomalous (8 standard deviations on every value)
 * @param sessions distinct sessions the connections spread over
 * @param token a bearer token, or {@code null}
 * @param connectOnly when positive, only open this many connections and hold them
 * @param holdSeconds how long to hold them
 * @param sessionConfig a {@code config} object each connection sends before the load, or {@code null}
 * @param sessionPrefix the prefix of the session ids ({@code <prefix>-<n>})
 */
record LoadOptions(String url, int connections, int window, double durationSeconds, double warmupSeconds,
                   boolean batch, int batchSize, int dims, String algorithm, double anomalyRate, int sessions,
                   String token, int connectOnly, double holdSeconds, String sessionConfig,
                   String sessionPrefix) {

  static final String USAGE = String.join("\n",
      "Usage: java -jar bench/target/anomaly-bench.jar load [options]",
      "  --url URL            gateway base URL (default ws://localhost:8000)",
      "  --connections C      connections (default 10)",
      "  --window W           requests in flight per connection (default 1)",
      "  --duration S         measured seconds (default 10)",
      "  --warmup S           seconds before measuring (default 5)",
      "  --mode sample|batch  request type (default sample)",
      "  --batch-size B       rows per batch (default 100)",
      "  --dims D             values per sample (default 8)",
      "  --algorithm A        algorithm to request (default: the session's)",
      "  --anomaly-rate R     share of anomalous samples (default 0.01)",
      "  --sessions N         sessions the connections spread over (default: one per connection)",
      "  --token T            bearer token",
      "  --connect-only C     only open C connections and hold them (with --hold S seconds)",
      "  --hold S             seconds to hold connections in --connect-only mode (default 30)",
      "  --session-config J   a config object each connection sends first, e.g. '{\"refit_interval\":1000000}'",
      "  --session-prefix P   session ids are P-0, P-1, ... (default load); a new prefix starts new sessions");

  static LoadOptions parse(String[] args) {
    Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
    String url = "ws://localhost:8000";
    int connections = 10;
    int window = 1;
    double duration = 10;
    double warmup = 5;
    boolean batch = false;
    int batchSize = 100;
    int dims = 8;
    String algorithm = null;
    double anomalyRate = 0.01;
    int sessions = -1;
    String token = null;
    int connectOnly = 0;
    double hold = 30;
    String sessionConfig = null;
    String sessionPrefix = "load";
    while (!queue.isEmpty()) {
      String flag = queue.poll();
      switch (flag) {
        case "--url" -> url = value(queue, flag);
        case "--connections" -> connections = Integer.parseInt(value(queue, flag));
        case "--window" -> window = Integer.parseInt(value(queue, flag));
        case "--duration" -> duration = Double.parseDouble(value(queue, flag));
        case "--warmup" -> warmup = Double.parseDouble(value(queue, flag));
        case "--mode" -> batch = "batch".equals(value(queue, flag));
        case "--batch-size" -> batchSize = Integer.parseInt(value(queue, flag));
        case "--dims" -> dims = Integer.parseInt(value(queue, flag));
        case "--algorithm" -> algorithm = value(queue, flag);
        case "--anomaly-rate" -> anomalyRate = Double.parseDouble(value(queue, flag));
        case "--sessions" -> sessions = Integer.parseInt(value(queue, flag));
        case "--token" -> token = value(queue, flag);
        case "--connect-only" -> connectOnly = Integer.parseInt(value(queue, flag));
        case "--hold" -> hold = Double.parseDouble(value(queue, flag));
        case "--session-config" -> sessionConfig = value(queue, flag);
        case "--session-prefix" -> sessionPrefix = value(queue, flag);
        default -> throw new IllegalArgumentException("Unknown argument: " + flag);
      }
    }
    if (connections < 1 || window < 1 || dims < 1 || batchSize < 1 || duration <= 0 || warmup < 0) {
      throw new IllegalArgumentException("connections, window, dims and batch size must be positive");
    }
    return new LoadOptions(url, connections, window, duration, warmup, batch, batchSize, dims, algorithm,
        anomalyRate, sessions > 0 ? sessions : connections, token, connectOnly, hold, sessionConfig,
        sessionPrefix);
  }

  private static String value(Deque<String> queue, String flag) {
    String value = queue.poll();
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }
}
