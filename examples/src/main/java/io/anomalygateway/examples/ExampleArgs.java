package io.anomalygateway.examples;

import io.anomalygateway.client.ClientOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The flags of the examples, read by picocli: {@code --url ws://localhost:8000 --session NAME --token T --samples N
 * --duration SECONDS}, and the performance example's {@code --window}, {@code --batch-size} and {@code --warmup}.
 * An absent flag takes the example's own default.
 */
@Command(name = "example", description = "The flags of every example; --window, --batch-size and --warmup are "
    + "the performance example's.")
final class ExampleArgs {

  @Option(names = "--url", defaultValue = "ws://localhost:8000", description = "the gateway's base URL")
  String url;
  @Option(names = "--session", description = "the session to stream to")
  String session;
  @Option(names = "--token", defaultValue = "${env:ANOMALY_TOKEN}",
      description = "a bearer token (default $ANOMALY_TOKEN; none for a server started with --no-auth)")
  String token;
  @Option(names = "--samples", description = "how many samples to send")
  Integer samples;
  @Option(names = "--duration", description = "how long to run, in seconds, for the examples that watch")
  Double duration;
  @Option(names = "--window", description = "requests in flight (performance)")
  Integer window;
  @Option(names = "--batch-size", description = "rows per batch (performance)")
  Integer batchSize;
  @Option(names = "--warmup", description = "samples before measuring (performance)")
  Integer warmup;

  /**
   * @param args the example's arguments
   * @param defaultSession its session when {@code --session} is absent
   * @param defaultSamples its samples when {@code --samples} is absent
   * @param defaultDuration its duration when {@code --duration} is absent
   * @return the flags
   * @throws CommandLine.ParameterException naming a flag that is unknown or not of its type
   */
  static ExampleArgs parse(String[] args, String defaultSession, int defaultSamples, double defaultDuration) {
    ExampleArgs flags = new ExampleArgs();
    new CommandLine(flags).parseArgs(args);
    if (flags.session == null) {
      flags.session = defaultSession;
    }
    if (flags.samples == null) {
      flags.samples = defaultSamples;
    }
    if (flags.duration == null) {
      flags.duration = defaultDuration;
    }
    return flags;
  }

  String url() {
    return url;
  }

  String session() {
    return session;
  }

  String token() {
    return token;
  }

  int samples() {
    return samples;
  }

  double durationSeconds() {
    return duration;
  }

  int window(int fallback) {
    return window == null ? fallback : window;
  }

  int batchSize(int fallback) {
    return batchSize == null ? fallback : batchSize;
  }

  int warmup(int fallback) {
    return warmup == null ? fallback : warmup;
  }

  ClientOptions clientOptions() {
    ClientOptions options = new ClientOptions().setUrl(url).setSessionId(session);
    if (token != null && !token.isEmpty()) {
      options.setToken(token);
    }
    return options;
  }
}
