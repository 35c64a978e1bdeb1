package io.anomalygateway.bench;

import io.anomalygateway.bench.echo.EchoServer;
import io.anomalygateway.bench.load.LoadCommand;
import io.anomalygateway.bench.memory.MemoryFootprint;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The bench jar's entry point: {@code jmh [JMH options]} runs the microbenchmarks, {@code load} the WebSocket load
 * generator against a running gateway, {@code memory} the heap a detector's sessions retain, and {@code echo} the
 * baseline server.
 */
@Command(name = "anomaly-bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of the anomaly gateway.",
    subcommands = {BenchMain.Jmh.class, LoadCommand.class, MemoryFootprint.class, EchoServer.class,
        CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * @param args the command and its options
   */
  public static void main(String[] args) {
    CommandLine line = new CommandLine(new BenchMain());
    int code = line.execute(args);
    CommandLine.ParseResult parsed = line.getParseResult();
    boolean serving = code == 0 && parsed != null && parsed.subcommand() != null
        && "echo".equals(parsed.subcommand().commandSpec().name()) && !parsed.subcommand().isUsageHelpRequested();
    if (!serving) {
      System.exit(code);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** JMH's own command line, passed through. */
  @Command(name = "jmh", description = "Runs the JMH microbenchmarks; every argument goes to JMH (try -h).")
  static final class Jmh implements Callable<Integer> {

    @CommandLine.Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      org.openjdk.jmh.Main.main(options.toArray(new String[0]));
      return 0;
    }
  }
}
