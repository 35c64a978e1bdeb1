package io.anomalygateway.detector.model;

/**
 * A fitted one-class SVM on random Fourier features: a linear decision function
 * {@code f(x) = w . z(x) + c} learnt by LibLinear through Tribuo, where {@code f > 0} means "like the training
 * data".
 *
 * <p>The score maps {@code f} into [0, 1] with a logistic function scaled by the spread of {@code f} on the training
 * rows: {@code score = 1 / (1 + exp(f / sigma))}. It decreases strictly with {@code f}, is 0.5 on the SVM's boundary,
 * and does not depend on the scale of {@code f}, which grows with {@code nu} and the number of training rows.
 */
public final class OneClassSvm implements AnomalyModel {

  private final RandomFourierFeatures map;
  private final double[] weights;
  private final double intercept;
  private final double sigma;

  OneClassSvm(RandomFourierFeatures map, double[] weights, double intercept, double sigma) {
    this.map = map;
    this.weights = weights;
    this.intercept = intercept;
    this.sigma = sigma;
  }

  @Override
  public double score(double[] values, int offset) {
    return 1.0 / (1.0 + Math.exp(decision(values, offset) / sigma));
  }

  /**
   * @param values a flat array of rows
   * @param offset where the row starts
   * @return the SVM's decision value: positive inside the learnt region, negative outside
   */
  public double decision(double[] values, int offset) {
    double sum = intercept;
    for (int j = 0; j < weights.length; j++) {
      sum += weights[j] * map.feature(values, offset, j);
    }
    return sum;
  }

  @Override
  public int dimension() {
    return map.inputs();
  }
}
