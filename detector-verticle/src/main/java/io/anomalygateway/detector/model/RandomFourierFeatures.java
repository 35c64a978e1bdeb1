package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

import java.util.SplittableRandom;

/**
 * Random Fourier features of standardised inputs (Rahimi and Recht 2007): {@code z(x) = sqrt(2/D) cos(W s(x) + b)},
 * with {@code s} the z-score of each input over the training rows, {@code W ~ N(0, 2 gamma)} and
 * {@code b ~ U[0, 2 pi)}, so that {@code z(x) . z(y)} approximates the RBF kernel
 * {@code exp(-gamma ||s(x) - s(y)||^2)}. With {@code gamma = 1 / d}, this is scikit-learn's {@code gamma='scale'} on
 * standardised data.
 *
 * <p>The standardisation is folded into the projection ({@code W' = W / sd}, {@code b' = b - W' mean}), so that
 * mapping a row needs no scratch array.
 */
public final class RandomFourierFeatures {

  private final int inputs;
  private final int features;
  private final double[] projection;
  private final double[] offset;
  private final double amplitude;

  private RandomFourierFeatures(int inputs, int features, double[] projection, double[] offset) {
    this.inputs = inputs;
    this.features = features;
    this.projection = projection;
    this.offset = offset;
    this.amplitude = Math.sqrt(2.0 / features);
  }

  /**
   * @param data the training rows, whose mean and standard deviation standardise inputs (a constant input keeps
   *     a standard deviation of 1)
   * @param features the number of features {@code D}
   * @param random the source of {@code W} and {@code b}
   * @return the feature map
   */
  public static RandomFourierFeatures fit(Samples data, int features, SplittableRandom random) {
    int d = data.dims();
    double[] mean = new double[d];
    double[] sd = new double[d];
    Standardisation.meanAndSd(data, mean, sd);
    double gamma = 1.0 / d;
    double sigma = Math.sqrt(2.0 * gamma);
    double[] projection = new double[features * d];
    double[] offset = new double[features];
    for (int j = 0; j < features; j++) {
      double shift = random.nextDouble() * 2.0 * Math.PI;
      for (int k = 0; k < d; k++) {
        double w = gaussian(random) * sigma / sd[k];
        projection[j * d + k] = w;
        shift -= w * mean[k];
      }
      offset[j] = shift;
    }
    return new RandomFourierFeatures(d, features, projection, offset);
  }

  /**
   * @param values a flat array of rows
   * @param rowOffset where the row starts
   * @param feature the feature's index
   * @return feature {@code feature} of the row
   */
  public double feature(double[] values, int rowOffset, int feature) {
    double phase = offset[feature];
    int base = feature * inputs;
    for (int k = 0; k < inputs; k++) {
      phase += projection[base + k] * values[rowOffset + k];
    }
    return amplitude * Math.cos(phase);
  }

  /**
   * @param values a flat array of rows
   * @param rowOffset where the row starts
   * @param out receives the {@link #features()} features of the row
   */
  public void map(double[] values, int rowOffset, double[] out) {
    for (int j = 0; j < features; j++) {
      out[j] = feature(values, rowOffset, j);
    }
  }

  /** @return the number of features {@code D} */
  public int features() {
    return features;
  }

  /** @return the number of inputs {@code d} */
  public int inputs() {
    return inputs;
  }

  private static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
