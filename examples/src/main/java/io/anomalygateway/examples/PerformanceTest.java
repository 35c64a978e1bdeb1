package io.anomalygateway.examples;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.ClientStatistics;
import io.anomalygateway.client.DetectionResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Sends {@code --samples} samples as fast as the client's in-flight window allows and prints throughput and the
 * client's latency percentiles (call to answer). For the system's own benchmarks use {@code bench/}'s load
 * generator; this shows what one client library instance achieves.
 */
final class PerformanceTest {

  private PerformanceTest() {
  }

  static int run(String[] args, PrintStream out) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, "performance-example", 20_000, 0);
    Random random = new Random(6);
    try (AnomalyClient client = AnomalyClient.create(options.clientOptions()
        .setMaxQueueSize(Math.max(options.samples(), 1)))) {
      client.connect().get();
      long started = System.nanoTime();
      List<CompletableFuture<DetectionResult>> results = new ArrayList<>(options.samples());
      for (int i = 0; i < options.samples(); i++) {
        results.add(client.sendSample(new double[] {random.nextGaussian(), random.nextGaussian(),
            random.nextGaussian(), random.nextGaussian()}));
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get();
      double seconds = (System.nanoTime() - started) / 1e9;
      ClientStatistics stats = client.statistics();
      out.printf("%d samples in %.2f s: %.0f samples/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; errors %d%n",
          options.samples(), seconds, options.samples() / seconds, stats.latencyP50Millis(),
          stats.latencyP99Millis(), stats.latencyMaxMillis(), stats.errors());
    }
    return 0;
  }
}
