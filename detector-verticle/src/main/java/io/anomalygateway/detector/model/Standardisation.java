package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

/** Column means and standard deviations of training rows. */
final class Standardisation {

  private Standardisation() {
  }

  /**
   * Fills {@code mean} and {@code sd} with each column's mean and population standard deviation; a constant column
   * gets a standard deviation of 1, so that dividing by it is always safe.
   */
  static void meanAndSd(Samples data, double[] mean, double[] sd) {
    int d = data.dims();
    int n = data.count();
    double[] values = data.values();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        mean[k] += values[i * d + k];
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        double delta = values[i * d + k] - mean[k];
        sd[k] += delta * delta;
      }
    }
    for (int k = 0; k < d; k++) {
      sd[k] = Math.sqrt(sd[k] / n);
      if (!(sd[k] > 1e-12 * Math.max(1.0, Math.abs(mean[k])))) {
        sd[k] = 1.0;
      }
    }
  }
}
