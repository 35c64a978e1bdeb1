package io.anomalygateway.drift;

import io.anomalygateway.drift.stats.MultipleTesting;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.OnDrift;
import io.vertx.core.json.JsonObject;

/**
 * Settings of the drift verticle. Keys are those of the {@code drift} section of the configuration file; every
 * setter validates its value.
 */
public class DriftOptions {

  /** Default samples in a session's reference window (taken at the start or after a reset). */
  public static final int DEFAULT_REFERENCE_SIZE = 500;
  /** Default recent samples a {@code drift} request compares. */
  public static final int DEFAULT_WINDOW_SIZE = 200;
  /** Default largest {@code window_size}: the recent samples kept per session. */
  public static final int DEFAULT_MAX_WINDOW_SIZE = 1000;
  /** Default test of a {@code drift} request. */
  public static final DriftMethod DEFAULT_METHOD = DriftMethod.KS;
  /** Default significance level, after correction across features. */
  public static final double DEFAULT_ALPHA = 0.01;
  /** Default correction across features. */
  public static final MultipleTesting DEFAULT_CORRECTION = MultipleTesting.BONFERRONI;
  /** Default number of quantile bins of the PSI. */
  public static final int DEFAULT_PSI_BINS = 10;
  /** Default PSI above which a feature counts as drifted (the usual "significant change"). */
  public static final double DEFAULT_PSI_THRESHOLD = 0.25;
  /** Default samples between two checks of continuous monitoring. */
  public static final int DEFAULT_CHECK_INTERVAL = 100;
  /** Default method of continuous monitoring. */
  public static final DriftMethod DEFAULT_MONITOR = DriftMethod.KS;
  /** Default recent samples continuous monitoring compares with the reference. */
  public static final int DEFAULT_MONITOR_WINDOW_SIZE = 300;
  /** Default significance level of continuous monitoring, after correction across features. */
  public static final double DEFAULT_MONITOR_ALPHA = 0.001;
  /** Default consecutive positive checks before continuous monitoring declares drift. */
  public static final int DEFAULT_MONITOR_CONFIRMATIONS = 2;
  /** Default policy of a session on drift. */
  public static final OnDrift DEFAULT_ON_DRIFT = OnDrift.ALERT_ONLY;
  /** Default largest number of sessions held. */
  public static final int DEFAULT_MAX_SESSIONS = 100_000;
  /** Default seconds without samples after which a session's drift state is evicted. */
  public static final double DEFAULT_SESSION_IDLE_TIMEOUT = 1800.0;

  private int referenceSize = DEFAULT_REFERENCE_SIZE;
  private int windowSize = DEFAULT_WINDOW_SIZE;
  private int maxWindowSize = DEFAULT_MAX_WINDOW_SIZE;
  private DriftMethod method = DEFAULT_METHOD;
  private double alpha = DEFAULT_ALPHA;
  private MultipleTesting correction = DEFAULT_CORRECTION;
  private int psiBins = DEFAULT_PSI_BINS;
  private double psiThreshold = DEFAULT_PSI_THRESHOLD;
  private int checkInterval = DEFAULT_CHECK_INTERVAL;
  private DriftMethod monitor = DEFAULT_MONITOR;
  private int monitorWindowSize = DEFAULT_MONITOR_WINDOW_SIZE;
  private double monitorAlpha = DEFAULT_MONITOR_ALPHA;
  private int monitorConfirmations = DEFAULT_MONITOR_CONFIRMATIONS;
  private OnDrift onDrift = DEFAULT_ON_DRIFT;
  private int maxSessions = DEFAULT_MAX_SESSIONS;
  private double sessionIdleTimeout = DEFAULT_SESSION_IDLE_TIMEOUT;

  /** Options with every default. */
  public DriftOptions() {
  }

  /**
   * @param json the {@code drift} section of the configuration; absent keys keep their defaults
   */
  public DriftOptions(JsonObject json) {
    setReferenceSize(json.getInteger("reference_size", DEFAULT_REFERENCE_SIZE));
    setMaxWindowSize(json.getInteger("max_window_size", DEFAULT_MAX_WINDOW_SIZE));
    setWindowSize(json.getInteger("window_size", DEFAULT_WINDOW_SIZE));
    setMethod(DriftMethod.ofWireName(json.getString("method", DEFAULT_METHOD.wireName())));
    setAlpha(json.getDouble("alpha", DEFAULT_ALPHA));
    setCorrection(MultipleTesting.ofWireName(json.getString("correction", DEFAULT_CORRECTION.wireName())));
    setPsiBins(json.getInteger("psi_bins", DEFAULT_PSI_BINS));
    setPsiThreshold(json.getDouble("psi_threshold", DEFAULT_PSI_THRESHOLD));
    setCheckInterval(json.getInteger("check_interval", DEFAULT_CHECK_INTERVAL));
    setMonitor(DriftMethod.ofWireName(json.getString("monitor", DEFAULT_MONITOR.wireName())));
    setMonitorWindowSize(json.getInteger("monitor_window_size", DEFAULT_MONITOR_WINDOW_SIZE));
    setMonitorAlpha(json.getDouble("monitor_alpha", DEFAULT_MONITOR_ALPHA));
    setMonitorConfirmations(json.getInteger("monitor_confirmations", DEFAULT_MONITOR_CONFIRMATIONS));
    setOnDrift(OnDrift.ofWireName(json.getString("on_drift", DEFAULT_ON_DRIFT.wireName())));
    setMaxSessions(json.getInteger("max_sessions", DEFAULT_MAX_SESSIONS));
    setSessionIdleTimeout(json.getDouble("session_idle_timeout", DEFAULT_SESSION_IDLE_TIMEOUT));
    validate();
  }

  /**
   * Checks the settings that bound each other, once all are set, so that the order of the setters (or of the keys
   * in a file) does not matter.
   *
   * @return this
   * @throws IllegalArgumentException naming both settings and their values
   */
  public DriftOptions validate() {
    atMostMaxWindow("window_size", windowSize);
    atMostMaxWindow("monitor_window_size", monitorWindowSize);
    return this;
  }

  private void atMostMaxWindow(String key, int value) {
    if (value > maxWindowSize) {
      throw new IllegalArgumentException(key + " (" + value + ") must be at most max_window_size (" + maxWindowSize
          + "): only max_window_size recent samples are kept");
    }
  }

  /** @return the options as the {@code drift} section of the configuration */
  public JsonObject toJson() {
    return new JsonObject()
        .put("reference_size", referenceSize)
        .put("window_size", windowSize)
        .put("max_window_size", maxWindowSize)
        .put("method", method.wireName())
        .put("alpha", alpha)
        .put("correction", correction.wireName())
        .put("psi_bins", psiBins)
        .put("psi_threshold", psiThreshold)
        .put("check_interval", checkInterval)
        .put("monitor", monitor.wireName())
        .put("monitor_window_size", monitorWindowSize)
        .put("monitor_alpha", monitorAlpha)
        .put("monitor_confirmations", monitorConfirmations)
        .put("on_drift", onDrift.wireName())
        .put("max_sessions", maxSessions)
        .put("session_idle_timeout", sessionIdleTimeout);
  }

  /** @return samples in a session's reference window */
  public int getReferenceSize() {
    return referenceSize;
  }

  /**
   * @param referenceSize samples in a session's reference window, 20 to 100,000
   * @return this
   */
  public DriftOptions setReferenceSize(int referenceSize) {
    this.referenceSize = range("reference_size", referenceSize, 20, 100_000);
    return this;
  }

  /** @return recent samples a {@code drift} request compares by default */
  public int getWindowSize() {
    return windowSize;
  }

  /**
   * @param windowSize recent samples a {@code drift} request compares by default, 10 to 100,000 and at most
   *     {@code max_window_size} (checked by {@link #validate()})
   * @return this
   */
  public DriftOptions setWindowSize(int windowSize) {
    this.windowSize = range("window_size", windowSize, 10, 100_000);
    return this;
  }

  /** @return the largest {@code window_size} */
  public int getMaxWindowSize() {
    return maxWindowSize;
  }

  /**
   * @param maxWindowSize the largest {@code window_size}: recent samples kept per session, 10 to 100,000
   * @return this
   */
  public DriftOptions setMaxWindowSize(int maxWindowSize) {
    this.maxWindowSize = range("max_window_size", maxWindowSize, 10, 100_000);
    return this;
  }

  /** @return the default test of a {@code drift} request */
  public DriftMethod getMethod() {
    return method;
  }

  /**
   * @param method the default test of a {@code drift} request
   * @return this
   */
  public DriftOptions setMethod(DriftMethod method) {
    this.method = java.util.Objects.requireNonNull(method);
    return this;
  }

  /** @return the default significance level */
  public double getAlpha() {
    return alpha;
  }

  /**
   * @param alpha the default significance level, in (0, 1)
   * @return this
   */
  public DriftOptions setAlpha(double alpha) {
    this.alpha = probability("alpha", alpha);
    return this;
  }

  /** @return the correction across features */
  public MultipleTesting getCorrection() {
    return correction;
  }

  /**
   * @param correction the correction across features
   * @return this
   */
  public DriftOptions setCorrection(MultipleTesting correction) {
    this.correction = java.util.Objects.requireNonNull(correction);
    return this;
  }

  /** @return quantile bins of the PSI */
  public int getPsiBins() {
    return psiBins;
  }

  /**
   * @param psiBins quantile bins of the PSI, 2 to 100
   * @return this
   */
  public DriftOptions setPsiBins(int psiBins) {
    this.psiBins = range("psi_bins", psiBins, 2, 100);
    return this;
  }

  /** @return the PSI above which a feature counts as drifted */
  public double getPsiThreshold() {
    return psiThreshold;
  }

  /**
   * @param psiThreshold the PSI above which a feature counts as drifted, positive
   * @return this
   */
  public DriftOptions setPsiThreshold(double psiThreshold) {
    if (!(psiThreshold > 0) || Double.isInfinite(psiThreshold)) {
      throw new IllegalArgumentException("psi_threshold must be positive, got " + psiThreshold);
    }
    this.psiThreshold = psiThreshold;
    return this;
  }

  /** @return samples between two checks of continuous monitoring */
  public int getCheckInterval() {
    return checkInterval;
  }

  /**
   * @param checkInterval samples between two checks of continuous monitoring, at least 1
   * @return this
   */
  public DriftOptions setCheckInterval(int checkInterval) {
    this.checkInterval = range("check_interval", checkInterval, 1, 1_000_000);
    return this;
  }

  /** @return the default method of continuous monitoring */
  public DriftMethod getMonitor() {
    return monitor;
  }

  /**
   * @param monitor the default method of continuous monitoring
   * @return this
   */
  public DriftOptions setMonitor(DriftMethod monitor) {
    this.monitor = java.util.Objects.requireNonNull(monitor);
    return this;
  }

  /** @return recent samples continuous monitoring compares */
  public int getMonitorWindowSize() {
    return monitorWindowSize;
  }

  /**
   * @param monitorWindowSize recent samples continuous monitoring compares, 10 to 100,000 and at most
   *     {@code max_window_size} (checked by {@link #validate()})
   * @return this
   */
  public DriftOptions setMonitorWindowSize(int monitorWindowSize) {
    this.monitorWindowSize = range("monitor_window_size", monitorWindowSize, 10, 100_000);
    return this;
  }

  /** @return the significance level of continuous monitoring */
  public double getMonitorAlpha() {
    return monitorAlpha;
  }

  /**
   * @param monitorAlpha the significance level of continuous monitoring, in (0, 1)
   * @return this
   */
  public DriftOptions setMonitorAlpha(double monitorAlpha) {
    this.monitorAlpha = probability("monitor_alpha", monitorAlpha);
    return this;
  }

  /** @return consecutive positive checks before continuous monitoring declares drift */
  public int getMonitorConfirmations() {
    return monitorConfirmations;
  }

  /**
   * @param monitorConfirmations consecutive positive checks before drift is declared, 1 to 100
   * @return this
   */
  public DriftOptions setMonitorConfirmations(int monitorConfirmations) {
    this.monitorConfirmations = range("monitor_confirmations", monitorConfirmations, 1, 100);
    return this;
  }

  /** @return the default policy of a session on drift */
  public OnDrift getOnDrift() {
    return onDrift;
  }

  /**
   * @param onDrift the default policy of a session on drift
   * @return this
   */
  public DriftOptions setOnDrift(OnDrift onDrift) {
    this.onDrift = java.util.Objects.requireNonNull(onDrift);
    return this;
  }

  /** @return the largest number of sessions held */
  public int getMaxSessions() {
    return maxSessions;
  }

  /**
   * @param maxSessions the largest number of sessions held, at least 1
   * @return this
   */
  public DriftOptions setMaxSessions(int maxSessions) {
    this.maxSessions = range("max_sessions", maxSessions, 1, Integer.MAX_VALUE);
    return this;
  }

  /** @return seconds without samples after which a session's drift state is evicted */
  public double getSessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  /**
   * @param sessionIdleTimeout seconds without samples after which a session's drift state is evicted, positive
   * @return this
   */
  public DriftOptions setSessionIdleTimeout(double sessionIdleTimeout) {
    if (!(sessionIdleTimeout > 0) || Double.isInfinite(sessionIdleTimeout)) {
      throw new IllegalArgumentException("session_idle_timeout must be a positive number of seconds, got "
          + sessionIdleTimeout);
    }
    this.sessionIdleTimeout = sessionIdleTimeout;
    return this;
  }

  private static int range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private static double probability(String key, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(key + " must be between 0 and 1, got " + value);
    }
    return value;
  }
}
