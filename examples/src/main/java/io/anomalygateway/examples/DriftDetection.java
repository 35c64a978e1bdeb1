package io.anomalygateway.examples;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.DriftResult;

import java.io.PrintStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams a stable stream, then shifts its first feature by three standard deviations, and watches drift appear
 * twice: pushed on the {@code drift} topic by the server's continuous monitoring, and in the answers to explicit
 * drift checks, which report the monitor's detection while the reference re-forms after it, then compare with the
 * new reference.
 */
final class DriftDetection {

  private DriftDetection() {
  }

  static int run(String[] args, PrintStream out) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, "drift-example", 1_500, 0);
    Random random = new Random(3);
    int shiftAt = options.samples() / 2;
    AtomicInteger pushed = new AtomicInteger();
    try (AnomalyClient client = AnomalyClient.create(options.clientOptions())) {
      client.connect().get();
      client.subscribe("drift", event -> {
        pushed.incrementAndGet();
        out.printf("drift pushed by the server: %s%n", event.body().encode());
      }).get();
      for (int i = 0; i < options.samples(); i++) {
        double shift = i >= shiftAt ? 3 : 0;
        client.sendSample(new double[] {random.nextGaussian() + shift, random.nextGaussian()}).get();
        if ((i + 1) % 250 == 0) {
          DriftResult drift = client.checkDrift(200).get();
          out.printf("after %d samples (shift at %d): status %s, drift %s%s, features drifted %s%n", i + 1, shiftAt,
              drift.status(), drift.driftDetected(), evidence(drift), drift.driftedFeatures());
        }
      }
      out.printf("drift events pushed: %d%n", pushed.get());
    }
    return 0;
  }

  /** Whether the answer compared the windows itself or reports the monitor's detection, and when that was. */
  private static String evidence(DriftResult drift) {
    if (drift.evidence() == null) {
      return "";
    }
    return " (" + drift.evidence() + (drift.detectedAt() == null ? "" : ", detected at sample " + drift.detectedAt())
        + ")";
  }
}
