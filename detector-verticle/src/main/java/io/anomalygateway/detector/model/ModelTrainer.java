package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

/**
 * Fits a model of one algorithm. Called off the event loop, on a worker thread; implementations must not share
 * mutable state between calls.
 */
public interface ModelTrainer {

  /**
   * @param data the training rows
   * @param seed the seed of every random choice: equal data and seed give an equal model
   * @return the fitted model
   */
  AnomalyModel fit(Samples data, long seed);
}
