package io.anomalygateway.detector;

import io.anomalygateway.detector.model.FittedModel;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.Verdict;

/**
 * One session's model driven outside the verticle, for replaying a stream offline: the same model classes and the
 * same refit policy as the detector, except that a due fit runs at once, before the next sample, instead of in the
 * background. Replays are therefore deterministic.
 */
public final class OfflineSession {

  private final ModelCatalog models;
  private final SessionSettings settings;
  private final double renewShare;
  private final SessionModel model;

  /**
   * @param options the algorithms' parameters
   * @param settings the session's settings (its algorithm is the one replayed)
   * @param dims the values per sample
   */
  public OfflineSession(DetectorOptions options, SessionSettings settings, int dims) {
    this.models = new ModelCatalog(options);
    this.renewShare = options.refitTreeShare();
    this.settings = settings;
    this.model = models.create(settings.algorithm(), settings, dims);
  }

  /**
   * Scores a sample, lets the model learn from it, and fits a new model if one is due.
   *
   * @param values a flat array of rows
   * @param offset where the sample starts
   * @return the verdict on the sample
   */
  public Verdict next(double[] values, int offset) {
    Verdict verdict = model.score(values, offset);
    if (model instanceof RefittedModel && ((RefittedModel) model).isFitDue(settings)) {
      RefittedModel refitted = (RefittedModel) model;
      Algorithm algorithm = refitted.algorithm();
      FittedModel earlier = refitted.renewable();
      Samples rows = refitted.startFit();
      refitted.finishFit(FittedModel.refit(models.trainer(algorithm), earlier, rows, refitted.fitFirstRow(),
          settings.seed(), settings.contamination(), renewShare));
    }
    return verdict;
  }
}
