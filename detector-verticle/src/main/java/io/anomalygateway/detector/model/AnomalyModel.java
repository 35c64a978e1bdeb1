package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

/**
 * A fitted model that scores samples. Immutable, so that a model being replaced can go on scoring while its
 * successor is fitted elsewhere.
 */
public interface AnomalyModel {

  /**
   * @param values a flat array of rows
   * @param offset where the row to score starts
   * @return the anomaly score of the row in [0, 1]; higher means more anomalous
   */
  double score(double[] values, int offset);

  /**
   * @param data the rows the model was fitted on
   * @return each row's score, for the model's threshold
   */
  default double[] trainingScores(Samples data) {
    double[] scores = new double[data.count()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = score(data.values(), i * data.dims());
    }
    return scores;
  }

  /** @return the dimension the model was fitted on */
  int dimension();
}
