package io.anomalygateway.examples;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.DetectionResult;
import io.anomalygateway.client.SessionStatistics;
import io.anomalygateway.client.TopicEvent;

import java.io.PrintStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live table in the terminal, refreshed every second for {@code --duration} seconds: the latest score, the
 * anomalies and alerts pushed so far, the session's model state and the client's own latency, while a background
 * producer streams to the session (one sample in 25 an outlier).
 */
final class ConsoleDashboard {

  private ConsoleDashboard() {
  }

  static int run(String[] args, PrintStream out) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, "dashboard-example", 0, 10);
    AtomicInteger anomalies = new AtomicInteger();
    AtomicInteger alerts = new AtomicInteger();
    AtomicReference<DetectionResult> latest = new AtomicReference<>();
    try (AnomalyClient client = AnomalyClient.create(options.clientOptions())) {
      client.connect().get();
      client.subscribe("anomalies", event -> anomalies.incrementAndGet()).get();
      client.subscribe("alerts", (TopicEvent event) -> alerts.incrementAndGet()).get();
      Random random = new Random(5);
      long end = System.nanoTime() + (long) (options.durationSeconds() * 1e9);
      long nextRow = System.nanoTime();
      out.printf("%8s %10s %8s %8s %10s %8s %10s%n", "t (s)", "samples", "score", "anom.", "alerts", "fitted",
          "p99 (ms)");
      for (int i = 0; System.nanoTime() < end; i++) {
        double outlier = i % 25 == 24 ? 15 : 0;
        latest.set(client.sendSample(new double[] {random.nextGaussian() + outlier, random.nextGaussian()}).get());
        if (System.nanoTime() >= nextRow) {
          nextRow += 1_000_000_000L;
          SessionStatistics stats = client.stats().get();
          out.printf("%8.0f %10d %8.3f %8d %10d %8s %10.2f%n", options.durationSeconds() - (end - System.nanoTime())
              / 1e9, stats.totalSamples(), latest.get().confidenceScore(), anomalies.get(), alerts.get(),
              stats.modelFitted(), client.statistics().latencyP99Millis());
        }
      }
    }
    return 0;
  }
}
