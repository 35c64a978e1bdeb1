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

  /**
   * Fits a model again on new rows, reusing what it can of the earlier one; by default, a new fit.
   *
   * @param earlier the session's current model, or {@code null}: a new fit
   * @param data the training rows
   * @param firstRow the stream position of the first training row, by which rows both fits share are recognised
   * @param seed the seed of every random choice
   * @param share the share of the earlier model to renew, in (0, 1]; 1 is a new fit
   * @return the refitted model
   */
  default AnomalyModel refit(AnomalyModel earlier, Samples data, long firstRow, long seed, double share) {
    return fit(data, seed);
  }
}
