package io.anomalygateway.bench.load;

import io.vertx.core.Vertx;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code load [options]}: drives a running gateway over real WebSockets and prints one JSON line of throughput,
 * latency percentiles, errors and the check of every answer.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Drives a running gateway over WebSockets; prints one JSON line of throughput, latency, errors.")
public final class LoadCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", defaultValue = "ws://localhost:8000", description = "gateway base URL (default ${DEFAULT-VALUE})")
  String url;
  @Option(names = "--connections", defaultValue = "10", description = "connections (default ${DEFAULT-VALUE})")
  int connections;
  @Option(names = "--window", defaultValue = "1", description = "requests in flight per connection (default ${DEFAULT-VALUE})")
  int window;
  @Option(names = "--duration", defaultValue = "10", description = "measured seconds (default ${DEFAULT-VALUE})")
  double duration;
  @Option(names = "--warmup", defaultValue = "5", description = "seconds before measuring (default ${DEFAULT-VALUE})")
  double warmup;
  @Option(names = "--mode", defaultValue = "sample", description = "sample or batch (default ${DEFAULT-VALUE})")
  Mode mode;
  @Option(names = "--batch-size", defaultValue = "100", description = "rows per batch (default ${DEFAULT-VALUE})")
  int batchSize;
  @Option(names = "--dims", defaultValue = "8", description = "values per sample (default ${DEFAULT-VALUE})")
  int dims;
  @Option(names = "--algorithm", description = "algorithm to request (default: the session's)")
  String algorithm;
  @Option(names = "--anomaly-rate", defaultValue = "0.01",
      description = "share of anomalous samples (default ${DEFAULT-VALUE})")
  double anomalyRate;
  @Option(names = "--sessions", defaultValue = "-1",
      description = "sessions the connections spread over (default: one per connection)")
  int sessions;
  @Option(names = "--token", description = "bearer token")
  String token;
  @Option(names = "--connect-only", defaultValue = "0", description = "only open this many connections and hold them")
  int connectOnly;
  @Option(names = "--hold", defaultValue = "30",
      description = "seconds to hold connections with --connect-only (default ${DEFAULT-VALUE})")
  double hold;
  @Option(names = "--session-config",
      description = "a config object each connection sends first, e.g. '{\"refit_interval\":1000000}'")
  String sessionConfig;
  @Option(names = "--session-prefix", defaultValue = "load",
      description = "session ids are PREFIX-0, PREFIX-1, ... (default ${DEFAULT-VALUE}); a new prefix starts new sessions")
  String sessionPrefix;

  /** The request type. */
  enum Mode { sample, batch }

  @Override
  public Integer call() throws Exception {
    if (connections < 1 || window < 1 || dims < 1 || batchSize < 1 || duration <= 0 || warmup < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--connections, --window, --dims, --batch-size and --duration must be positive");
    }
    LoadOptions options = new LoadOptions(url, connections, window, duration, warmup, mode == Mode.batch,
        batchSize, dims, algorithm, anomalyRate, sessions > 0 ? sessions : connections, token, connectOnly, hold,
        sessionConfig, sessionPrefix);
    Vertx vertx = Vertx.vertx();
    try {
      System.out.println(LoadGenerator.run(vertx, options).encode());
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
    return 0;
  }
}
