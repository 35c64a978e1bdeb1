package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

/**
 * A model together with its decision threshold and the usual values of the rows it was fitted on.
 *
 * @param model the model
 * @param threshold scores strictly above it are anomalous
 * @param profile the features' usual values, which explain anomalies
 */
public record FittedModel(AnomalyModel model, double threshold, FeatureProfile profile) {

  /**
   * Fits a model and its threshold. Runs on a fitting thread, never on an event loop.
   *
   * @param trainer the algorithm's trainer
   * @param data the rows to fit on
   * @param seed the seed of the model's random choices
   * @param contamination the expected share of anomalies in the rows
   * @return the fitted model
   */
  public static FittedModel fit(ModelTrainer trainer, Samples data, long seed, double contamination) {
    return of(trainer.fit(data, seed), data, contamination);
  }

  /**
   * Refits a model, renewing a share of it ({@link ModelTrainer#refit}), with a threshold and profile of the new
   * rows. Runs on a fitting thread, never on an event loop.
   *
   * @param earlier the model to refit, or {@code null} for a new fit
   * @param firstRow the stream position of the first row of {@code data}
   * @param share the share of the earlier model to renew
   * @return the refitted model
   */
  public static FittedModel refit(ModelTrainer trainer, FittedModel earlier, Samples data, long firstRow,
                                  long seed, double contamination, double share) {
    return of(trainer.refit(earlier == null ? null : earlier.model(), data, firstRow, seed, share), data,
        contamination);
  }

  private static FittedModel of(AnomalyModel model, Samples data, double contamination) {
    return new FittedModel(model, DecisionThreshold.of(model, data, contamination),
        FeatureProfile.of(data));
  }

  /**
   * @param values a flat array of rows
   * @param offset where the row starts
   * @return the row's score in [0, 1]
   */
  public double score(double[] values, int offset) {
    return model.score(values, offset);
  }
}
