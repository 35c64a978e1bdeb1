package io.anomalygateway.examples;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.DetectionResult;

import java.io.PrintStream;
import java.util.Random;

/**
 * Streams samples one by one and prints each anomaly with its explanation: the smallest useful producer.
 * Every 50th sample is pushed far off in its third feature.
 */
final class BasicStreaming {

  private BasicStreaming() {
  }

  static int run(String[] args, PrintStream out) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, "basic-example", 600, 0);
    Random random = new Random(1);
    int anomalies = 0;
    try (AnomalyClient client = AnomalyClient.create(options.clientOptions())) {
      client.connect().get();
      for (int i = 0; i < options.samples(); i++) {
        double[] sample = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        if (i > 200 && i % 50 == 0) {
          sample[2] += 12;
        }
        DetectionResult result = client.sendSample(sample).get();
        if (result.anomaly()) {
          anomalies++;
          out.printf("sample %d is anomalous (score %.2f): feature %d contributes %.0f%%%n", i,
              result.confidenceScore(), result.explanation().get(0).index(),
              100 * result.explanation().get(0).contribution());
        }
      }
      out.printf("streamed %d samples, %d anomalies; client: %s%n", options.samples(), anomalies,
          client.statistics());
    }
    return 0;
  }
}
