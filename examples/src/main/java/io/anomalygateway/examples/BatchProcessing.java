package io.anomalygateway.examples;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.BatchResult;

import java.io.PrintStream;
import java.util.Random;

/** Sends samples in batches of 100 rows, one request each, and prints each batch's anomalies. */
final class BatchProcessing {

  private static final int BATCH = 100;

  private BatchProcessing() {
  }

  static int run(String[] args, PrintStream out) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, "batch-example", 2_000, 0);
    Random random = new Random(2);
    long started = System.nanoTime();
    int anomalies = 0;
    try (AnomalyClient client = AnomalyClient.create(options.clientOptions())) {
      client.connect().get();
      for (int sent = 0; sent < options.samples(); sent += BATCH) {
        double[][] rows = new double[BATCH][];
        for (int r = 0; r < BATCH; r++) {
          rows[r] = new double[] {random.nextGaussian(), random.nextGaussian()};
        }
        rows[BATCH / 2][0] = 15;
        BatchResult result = client.sendBatch(rows).get();
        anomalies += result.anomalies();
        out.printf("batch %d: %d rows, %d anomalies%n", sent / BATCH, result.results().size(), result.anomalies());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("%d rows in %.2f s (%.0f rows/s), %d anomalies%n", options.samples(), seconds,
        options.samples() / seconds, anomalies);
    return 0;
  }
}
