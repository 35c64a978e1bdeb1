package io.anomalygateway.examples;

import picocli.CommandLine;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs one example: {@code java -jar examples/target/anomaly-examples.jar NAME [--url ws://localhost:8000]
 * [--session S] [--token T] [--samples N] [--duration SECONDS]}.
 */
public final class Examples {

  /** An example program: its flags, where it prints, its exit code. */
  @FunctionalInterface
  public interface Example {
    int run(String[] args, PrintStream out) throws Exception;
  }

  /** Every example, by the name on the command line. */
  public static final Map<String, Example> ALL = Map.of(
      "basic", BasicStreaming::run,
      "dashboard", ConsoleDashboard::run,
      "batch", BatchProcessing::run,
      "drift", DriftDetection::run,
      "pubsub", Subscriptions::run,
      "performance", PerformanceTest::run);

  private Examples() {
  }

  public static void main(String[] args) throws Exception {
    Example example = args.length == 0 ? null : ALL.get(args[0]);
    if (example == null || Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      PrintStream out = example == null ? System.err : System.out;
      out.println("Usage: java -jar anomaly-examples.jar basic|dashboard|batch|drift|pubsub|performance [flags]");
      new CommandLine(new ExampleArgs()).usage(out);
      System.exit(example == null ? 2 : 0);
      return;
    }
    try {
      System.exit(example.run(Arrays.copyOfRange(args, 1, args.length), System.out));
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      e.getCommandLine().usage(System.err);
      System.exit(2);
    }
  }
}
