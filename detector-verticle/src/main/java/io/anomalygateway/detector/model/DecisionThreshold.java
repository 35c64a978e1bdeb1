package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

import java.util.Arrays;

/**
 * The score above which a sample is anomalous: the {@code 1 - contamination} quantile of the scores of the rows the
 * model was fitted on, so that about {@code contamination} of the training buffer lies above it.
 *
 * <p>The quantile interpolates linearly between order statistics (NumPy's default, which scikit-learn uses for its
 * own {@code offset_}). A sample is anomalous when its score is strictly greater than the threshold, so that a
 * buffer full of duplicates, whose scores tie, does not flag the tied rows.
 */
public final class DecisionThreshold {

  private DecisionThreshold() {
  }

  /**
   * @param scores the training rows' scores (reordered by this call)
   * @param contamination the expected share of anomalies, in (0, 0.5]
   * @return the threshold
   */
  public static double of(double[] scores, double contamination) {
    Arrays.sort(scores);
    double position = (1.0 - contamination) * (scores.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, scores.length - 1);
    double fraction = position - lower;
    return scores[lower] + fraction * (scores[upper] - scores[lower]);
  }

  /**
   * @param model a fitted model
   * @param data the rows it was fitted on
   * @param contamination the expected share of anomalies
   * @return the threshold of the model on its training rows
   */
  public static double of(AnomalyModel model, Samples data, double contamination) {
    return of(model.trainingScores(data), contamination);
  }
}
