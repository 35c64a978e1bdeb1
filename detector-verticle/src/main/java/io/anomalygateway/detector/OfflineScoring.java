package io.anomalygateway.detector;

import io.anomalygateway.detector.model.FittedModel;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;

/**
 * Scores a whole data set at once with the detector's own model code, for offline evaluation: a batch-fitted
 * algorithm is fitted on all rows, then scores every row (transductive, as scikit-learn's reference figures are).
 */
public final class OfflineScoring {

  private final TrainerCatalog trainers;
  private final DetectorOptions options;

  /**
   * @param options the algorithms' parameters
   */
  public OfflineScoring(DetectorOptions options) {
    this.options = options;
    this.trainers = new TrainerCatalog(options);
  }

  /**
   * @param algorithm the algorithm
   * @param data the rows
   * @param seed the seed of the model's random choices
   * @return one score per row, in [0, 1], higher = more anomalous
   */
  public double[] score(Algorithm algorithm, Samples data, long seed) {
    FittedModel model = FittedModel.fit(trainers.trainer(algorithm), data, seed,
        options.getSessionDefaults().contamination());
    double[] scores = new double[data.count()];
    for (int row = 0; row < scores.length; row++) {
      scores[row] = model.score(data.values(), row * data.dims());
    }
    return scores;
  }
}
