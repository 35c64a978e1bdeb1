package io.anomalygateway.detector;

import io.anomalygateway.detector.model.FittedModel;
import io.anomalygateway.detector.model.SlidingBuffer;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.FeatureContribution;
import io.anomalygateway.protocol.bus.ModelStats;
import io.anomalygateway.protocol.bus.Verdict;

import java.util.List;

/**
 * The model of a batch-fitted algorithm (Isolation Forest, one-class SVM) for one session: its sliding buffer, the
 * fitted model that scores samples, and when to fit the next one.
 *
 * <p>Only the detector verticle's context touches it. A fit works on a snapshot of the buffer elsewhere; until it is
 * installed, the current model goes on scoring, so samples never wait for a fit.
 */
final class RefittedModel implements SessionModel {

  private final Algorithm algorithm;
  private final int explanationSize;
  private final SlidingBuffer buffer;
  private FittedModel fitted;
  private boolean fitting;
  private boolean queued;
  private boolean stale;
  private long sinceFit;
  private long samples;
  private long anomalies;
  private long refits;
  private long fitFirstRow;

  RefittedModel(Algorithm algorithm, int capacity, int dims, int explanationSize) {
    this.algorithm = algorithm;
    this.explanationSize = explanationSize;
    this.buffer = new SlidingBuffer(capacity, dims);
  }

  /** Scores a row with the current model, explains it if anomalous, then adds it to the buffer. */
  @Override
  public Verdict score(double[] values, int offset) {
    Verdict verdict;
    if (fitted == null) {
      buffer.add(values, offset);
      verdict = Verdict.normal(0.0, buffer.size());
    } else {
      double score = fitted.score(values, offset);
      boolean anomaly = score > fitted.threshold();
      List<FeatureContribution> explanation = anomaly
          ? fitted.profile().explain(values, offset, explanationSize) : List.of();
      buffer.add(values, offset);
      verdict = anomaly ? Verdict.anomalous(score, buffer.size(), explanation)
          : Verdict.normal(score, buffer.size());
    }
    sinceFit++;
    samples++;
    if (verdict.anomaly()) {
      anomalies++;
    }
    return verdict;
  }

  @Override
  public long rowsHeld() {
    return buffer.size();
  }

  @Override
  public boolean isFitted() {
    return fitted != null;
  }

  @Override
  public boolean isFitting() {
    return fitting || queued;
  }

  @Override
  public double threshold() {
    return fitted == null ? Double.NaN : fitted.threshold();
  }

  /**
   * A fit is due once the buffer holds {@code min_samples} rows and either there is no model yet,
   * {@code refit_interval} rows arrived since the last fit started, or the settings changed. At most one fit runs
   * per model: under load, refits are coalesced rather than queued.
   */
  boolean isFitDue(SessionSettings settings) {
    return !fitting && !queued && buffer.size() >= settings.minSamples()
        && (fitted == null || stale || sinceFit >= settings.refitInterval());
  }

  /** Marks the model as waiting for a fitting thread: it is not due again until that fit has run. */
  void queueFit() {
    queued = true;
  }

  /**
   * @return the model a refit may renew a share of, or {@code null} when the next fit must start afresh: none yet,
   *     or the settings or the data changed (after a drift) since it was fitted
   */
  FittedModel renewable() {
    return stale ? null : fitted;
  }

  /** @return the stream position of the first row the last started fit got: rows added to the buffer before it */
  long fitFirstRow() {
    return fitFirstRow;
  }

  /** Marks a fit as started and returns the rows to fit on, as they are now. */
  Samples startFit() {
    fitFirstRow = samples - buffer.size();
    queued = false;
    fitting = true;
    stale = false;
    sinceFit = 0;
    return buffer.snapshot();
  }

  /** Installs a newly fitted model, or only ends the fit when it failed ({@code null}). */
  void finishFit(FittedModel model) {
    fitting = false;
    if (model != null) {
      fitted = model;
      refits++;
    }
  }

  /** Applies new settings: the buffer takes the new size and the next fit uses the new model settings. */
  @Override
  public void reconfigure(SessionSettings settings, boolean modelSettingsChanged) {
    buffer.resize(settings.bufferSize());
    if (modelSettingsChanged) {
      stale = true;
    }
  }

  @Override
  public void forgetBefore(int recent) {
    buffer.keepNewest(recent);
    stale = true;
  }

  @Override
  public ModelStats stats() {
    return new ModelStats(algorithm, samples, anomalies, buffer.size(), fitted != null, refits, threshold());
  }

  @Override
  public ModelSnapshot snapshot() {
    return new ModelSnapshot(algorithm, samples, anomalies, refits, buffer.snapshot().values(), new byte[0]);
  }

  /**
   * Takes over a snapshot's rows and counters. The model is not fitted: a fit is due at once, on those rows.
   *
   * @param snapshot a snapshot of a model of the same algorithm and dimension
   */
  void restore(ModelSnapshot snapshot) {
    double[] rows = snapshot.rows();
    for (int offset = 0; offset + buffer.dims() <= rows.length; offset += buffer.dims()) {
      buffer.add(rows, offset);
    }
    samples = snapshot.samples();
    anomalies = snapshot.anomalies();
    refits = snapshot.refits();
  }

  Algorithm algorithm() {
    return algorithm;
  }
}
