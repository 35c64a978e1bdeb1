package io.anomalygateway.detector.model;

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

  /** @return the dimension the model was fitted on */
  int dimension();
}
