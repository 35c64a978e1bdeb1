package io.anomalygateway.detector;

import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.ModelStats;
import io.anomalygateway.protocol.bus.Verdict;

/**
 * One algorithm's model of one session. Not thread-safe: only the detector verticle's context touches it.
 */
public interface SessionModel {

  /**
   * Scores a row, explaining it if anomalous, then learns from it.
   *
   * @param values a flat array of rows
   * @param offset where the row starts
   * @return the verdict
   */
  Verdict score(double[] values, int offset);

  /** @return the rows the model holds, which its memory grows with */
  long rowsHeld();

  /** @return whether the model scores samples yet */
  boolean isFitted();

  /** @return whether a new model is being fitted in the background */
  boolean isFitting();

  /** @return the decision threshold, or {@code NaN} before the model is fitted */
  double threshold();

  /**
   * @param settings the session's new settings
   * @param modelSettingsChanged whether settings that shape the model (contamination, seed) changed
   */
  void reconfigure(SessionSettings settings, boolean modelSettingsChanged);

  /**
   * Forgets what came before a drift: keeps only the newest samples and fits anew on them when enough have arrived.
   *
   * @param recent how many of the newest samples to keep
   */
  void forgetBefore(int recent);

  /** @return the model's counters */
  ModelStats stats();

  /** @return what another detector needs to go on with this model (see {@link ModelSnapshot}) */
  ModelSnapshot snapshot();
}
