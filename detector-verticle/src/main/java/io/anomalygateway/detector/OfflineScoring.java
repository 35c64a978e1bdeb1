package io.anomalygateway.detector;

import io.anomalygateway.detector.model.FittedModel;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;

/**
 * Scores a whole data set with the detector's own model code, for offline evaluation. A batch-fitted algorithm is
 * fitted on all rows, then scores every row (transductive, as scikit-learn's reference figures are); a streaming
 * algorithm takes the rows in file order, each scored before it updates the model, as it would be live.
 */
public final class OfflineScoring {

  private final ModelCatalog models;
  private final DetectorOptions options;

  /**
   * @param options the algorithms' parameters
   */
  public OfflineScoring(DetectorOptions options) {
    this.options = options;
    this.models = new ModelCatalog(options);
  }

  /**
   * @param algorithm the algorithm
   * @param data the rows
   * @param seed the seed of the model's random choices
   * @return one score per row, in [0, 1], higher = more anomalous
   */
  public double[] score(Algorithm algorithm, Samples data, long seed) {
    double[] scores = new double[data.count()];
    if (models.isBatchFitted(algorithm)) {
      FittedModel model = FittedModel.fit(models.trainer(algorithm), data, seed,
          options.sessionDefaults().contamination());
      for (int row = 0; row < scores.length; row++) {
        scores[row] = model.score(data.values(), row * data.dims());
      }
    } else {
      SessionSettings defaults = options.sessionDefaults();
      OfflineSession session = new OfflineSession(options, new SessionSettings(algorithm, defaults.bufferSize(),
          defaults.minSamples(), defaults.refitInterval(), defaults.contamination(), seed, defaults.shingleSize()),
          data.dims());
      for (int row = 0; row < scores.length; row++) {
        scores[row] = session.next(data.values(), row * data.dims()).score();
      }
    }
    return scores;
  }
}
