package io.anomalygateway.bench.load;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Pre-built request bodies: standard normal samples, a share of them anomalous (8 standard deviations on every
 * value), so that building requests costs the generator almost nothing while it measures.
 */
final class Payloads {

  private static final int POOL = 4096;

  private final String[] rows = new String[POOL];
  private final LoadOptions options;

  Payloads(LoadOptions options, long seed) {
    this.options = options;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < POOL; i++) {
      boolean anomalous = random.nextDouble() < options.anomalyRate();
      StringBuilder row = new StringBuilder("[");
      for (int d = 0; d < options.dims(); d++) {
        double value = anomalous ? 8.0 : gaussian(random);
        row.append(d == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", value));
      }
      rows[i] = row.append(']').toString();
    }
  }

  /** @return the text of request {@code sequence} of a connection, with its request id */
  String request(String requestId, long sequence) {
    StringBuilder text = new StringBuilder(64 + (options.batch() ? options.batchSize() : 1) * options.dims() * 10);
    text.append("{\"type\":\"").append(options.batch() ? "batch" : "sample").append("\",\"request_id\":\"")
        .append(requestId).append('"');
    if (options.algorithm() != null) {
      text.append(",\"algorithm\":\"").append(options.algorithm()).append('"');
    }
    int first = (int) ((sequence * (options.batch() ? options.batchSize() : 1)) % POOL);
    if (options.batch()) {
      text.append(",\"batch_data\":[");
      for (int i = 0; i < options.batchSize(); i++) {
        text.append(i == 0 ? "" : ",").append(rows[(first + i) % POOL]);
      }
      text.append(']');
    } else {
      text.append(",\"data\":").append(rows[first]);
    }
    return text.append('}').toString();
  }

  private static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
