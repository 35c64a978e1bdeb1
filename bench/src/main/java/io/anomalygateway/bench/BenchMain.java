package io.anomalygateway.bench;

import java.util.Arrays;

/**
 * The bench jar's entry point: {@code jmh [JMH options]} runs the microbenchmarks, {@code load [options]} runs the
 * WebSocket load generator against a running gateway.
 */
public final class BenchMain {

  private BenchMain() {
  }

  /**
   * @param args the command and its options
   */
  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "help" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      case "load" -> io.anomalygateway.bench.load.LoadGenerator.main(rest);
      case "memory" -> io.anomalygateway.bench.memory.MemoryFootprint.main(rest);
      case "echo" -> io.anomalygateway.bench.echo.EchoServer.main(rest);
      default -> {
        System.err.println("Usage: java -jar bench/target/anomaly-bench.jar jmh [JMH options]");
        System.err.println("       java -jar bench/target/anomaly-bench.jar load [--help for options]");
        System.err.println("       java -jar bench/target/anomaly-bench.jar memory --sessions N --dims D --buffer B "
            + "--algorithm A");
        System.err.println("       java -jar bench/target/anomaly-bench.jar echo [--port 8200]   (the echo baseline)");
        System.exit(command.equals("help") ? 0 : 2);
      }
    }
  }
}
