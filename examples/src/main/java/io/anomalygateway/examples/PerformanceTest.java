package io.anomalygateway.examples;

import io.anomalygateway.client.AnomalyClient;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures what one client achieves, first with single samples, then with batches of the same rows: throughput,
 * the round trip of each request (call to answer) and, beside it, the server's own processing time, with at most
 * {@code --window} requests in flight (default 16), after {@code --warmup} samples that are not measured (default
 * a quarter of {@code --samples}, at most 2,000). Bounding what is in flight is what makes the latency mean
 * something: sending everything at once would mostly measure the client's own queue. For the system's benchmarks
 * use {@code bench/}'s load generator; this shows one client library instance at work.
 */
final class PerformanceTest {

  private static final int DIMS = 4;

  private PerformanceTest() {
  }

  /** One request's round trip and the server's processing time it reported. */
  private record Timing(long roundTripNanos, double serverMillis) {
  }

  /** What one phase measured. */
  private static final class Phase {
    final Histogram roundTrip = new Histogram(60_000_000_000L, 3);
    final Histogram server = new Histogram(60_000_000_000L, 3);
    final AtomicLong errors = new AtomicLong();
    double seconds;

    synchronized void record(long roundTripNanos, double serverMillis) {
      roundTrip.recordValue(Math.max(1, roundTripNanos));
      if (Double.isFinite(serverMillis)) {
        server.recordValue(Math.max(1, Math.round(serverMillis * 1e6)));
      }
    }

    String latencies() {
      return String.format("round trip p50 %.2f ms, p99 %.2f ms; server processing p50 %.2f ms, p99 %.2f ms; "
          + "errors %d", millis(roundTrip, 50), millis(roundTrip, 99), millis(server, 50), millis(server, 99),
          errors.get());
    }

    private static double millis(Histogram histogram, double percentile) {
      return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
    }
  }

  static int run(String[] args, PrintStream out) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, "performance-example", 20_000, 0);
    int window = options.window(16);
    int batchSize = options.batchSize(100);
    int warmup = options.warmup(Math.min(2_000, options.samples() / 4));
    Random random = new Random(6);
    try (AnomalyClient client = AnomalyClient.create(options.clientOptions())) {
      client.connect().get();
      Supplier<CompletableFuture<Timing>> sample = () -> {
        long started = System.nanoTime();
        return client.sendSample(row(random)).thenApply(result -> new Timing(System.nanoTime() - started,
            result.processingTimeMillis()));
      };
      // The first requests pay for class loading and compilation on both sides, and for the session's first fit.
      measure(warmup, window, sample);
      out.printf("warm-up: %d samples, not measured%n", warmup);
      Phase samples = measure(options.samples(), window, sample);
      out.printf("samples: %d in %.2f s with %d in flight: %.0f samples/s; %s%n", options.samples(),
          samples.seconds, window, options.samples() / samples.seconds, samples.latencies());
      int batches = Math.max(1, options.samples() / batchSize);
      Phase rows = measure(batches, window, () -> {
        double[][] batch = new double[batchSize][];
        for (int i = 0; i < batchSize; i++) {
          batch[i] = row(random);
        }
        long started = System.nanoTime();
        return client.sendBatch(batch).thenApply(result -> new Timing(System.nanoTime() - started,
            result.processingTimeMillis()));
      });
      out.printf("batches: %d of %d rows in %.2f s with %d in flight: %.0f rows/s (%.0f batches/s); %s%n", batches,
          batchSize, rows.seconds, window, batches * batchSize / rows.seconds, batches / rows.seconds,
          rows.latencies());
    }
    return 0;
  }

  /**
   * Sends {@code count} requests, never more than {@code window} unanswered at a time.
   *
   * @param request sends one request; its future yields the request's timing
   */
  private static Phase measure(int count, int window, Supplier<CompletableFuture<Timing>> request)
      throws InterruptedException {
    Phase phase = new Phase();
    Semaphore inFlight = new Semaphore(window);
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      request.get().whenComplete((timing, failure) -> {
        if (failure != null) {
          phase.errors.incrementAndGet();
        } else {
          phase.record(timing.roundTripNanos(), timing.serverMillis());
        }
        inFlight.release();
      });
    }
    inFlight.acquire(window);
    phase.seconds = (System.nanoTime() - started) / 1e9;
    return phase;
  }

  private static double[] row(Random random) {
    double[] row = new double[DIMS];
    for (int k = 0; k < DIMS; k++) {
      row[k] = random.nextGaussian();
    }
    return row;
  }
}
