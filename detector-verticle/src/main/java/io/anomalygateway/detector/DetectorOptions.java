package io.anomalygateway.detector;

import io.anomalygateway.detector.model.IsolationForestTrainer;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.json.JsonObject;

/**
 * Settings of the detector verticle: the defaults every new session starts with, the algorithms' parameters and the
 * resources the detector may use. Keys are those of the {@code detector} section of the configuration file.
 */
public class DetectorOptions {

  /** Default algorithm of new sessions. */
  public static final Algorithm DEFAULT_ALGORITHM = Algorithm.ISOLATION_FOREST;
  /** Default capacity of a model's sliding buffer. */
  public static final int DEFAULT_BUFFER_SIZE = 1000;
  /** Default number of samples before the first fit. */
  public static final int DEFAULT_MIN_SAMPLES = 100;
  /** Default number of new samples between refits. */
  public static final int DEFAULT_REFIT_INTERVAL = 100;
  /** Default expected share of anomalies. */
  public static final double DEFAULT_CONTAMINATION = 0.05;
  /** Default seed of the models' random choices. */
  public static final long DEFAULT_SEED = 42L;
  /** Default number of isolation trees. */
  public static final int DEFAULT_TREES = IsolationForestTrainer.DEFAULT_TREES;
  /** Default rows per isolation tree. */
  public static final int DEFAULT_SUBSAMPLE = IsolationForestTrainer.DEFAULT_SUBSAMPLE;
  /** Default number of random Fourier features of the one-class SVM. */
  public static final int DEFAULT_SVM_FEATURES = 500;
  /** Default nu of the one-class SVM: an upper bound on the share of training rows outside the boundary. */
  public static final double DEFAULT_SVM_NU = 0.5;
  /** Default number of threads that fit models. */
  public static final int DEFAULT_FIT_THREADS = 1;
  /** Default largest share of a core each fitting thread may use, so that refits leave room for scoring. */
  public static final double DEFAULT_FIT_CPU_SHARE = 0.25;
  /** Default largest number of sessions held. */
  public static final int DEFAULT_MAX_SESSIONS = 100_000;
  /** Default seconds without a request after which a session is evicted (30 minutes). */
  public static final double DEFAULT_SESSION_IDLE_TIMEOUT = 1800.0;
  /** Default number of features named in the explanation of an anomaly. */
  public static final int DEFAULT_EXPLANATION_FEATURES = 3;
  /** Default largest number of rows the one-class SVM is trained on (a random subset of larger buffers). */
  public static final int DEFAULT_SVM_MAX_FIT_ROWS = 5000;
  /** Default number of trees of a random cut forest. */
  public static final int DEFAULT_RCF_TREES = 50;
  /** Default points each tree of a random cut forest samples. */
  public static final int DEFAULT_RCF_SAMPLE_SIZE = 256;
  /** Default number of standard deviations of the scores above their mean that a random cut forest's threshold sits. */
  public static final double DEFAULT_RCF_Z_FACTOR = 4.0;
  /** Default smallest anomaly grade (0 to 1, in steps of 1/16) for which a random cut forest flags a sample. */
  public static final double DEFAULT_RCF_MIN_GRADE = 0.5;
  /** Default number of replies kept per session for requests sent again after a reconnect. */
  public static final int DEFAULT_DEDUP_WINDOW = 256;

  private SessionSettings sessionDefaults = new SessionSettings(DEFAULT_ALGORITHM, DEFAULT_BUFFER_SIZE,
      DEFAULT_MIN_SAMPLES, DEFAULT_REFIT_INTERVAL, DEFAULT_CONTAMINATION, DEFAULT_SEED, 1);
  private int trees = DEFAULT_TREES;
  private int subsample = DEFAULT_SUBSAMPLE;
  private int svmFeatures = DEFAULT_SVM_FEATURES;
  private double svmNu = DEFAULT_SVM_NU;
  private int fitThreads = DEFAULT_FIT_THREADS;
  private double fitCpuShare = DEFAULT_FIT_CPU_SHARE;
  private int maxSessions = DEFAULT_MAX_SESSIONS;
  private double sessionIdleTimeout = DEFAULT_SESSION_IDLE_TIMEOUT;
  private int explanationFeatures = DEFAULT_EXPLANATION_FEATURES;
  private int svmMaxFitRows = DEFAULT_SVM_MAX_FIT_ROWS;
  private int rcfTrees = DEFAULT_RCF_TREES;
  private int rcfSampleSize = DEFAULT_RCF_SAMPLE_SIZE;
  private double rcfZFactor = DEFAULT_RCF_Z_FACTOR;
  private double rcfMinGrade = DEFAULT_RCF_MIN_GRADE;
  private int dedupWindow = DEFAULT_DEDUP_WINDOW;

  /** Options with every default. */
  public DetectorOptions() {
  }

  /**
   * @param json the {@code detector} section of the configuration; absent keys keep their defaults
   */
  public DetectorOptions(JsonObject json) {
    JsonObject session = sessionDefaults.toJson();
    for (String key : session.fieldNames().toArray(new String[0])) {
      if (json.containsKey(key)) {
        session.put(key, json.getValue(key));
      }
    }
    setSessionDefaults(SessionSettings.fromJson(session));
    setTrees(json.getInteger("trees", DEFAULT_TREES));
    setSubsample(json.getInteger("subsample", DEFAULT_SUBSAMPLE));
    setSvmFeatures(json.getInteger("svm_features", DEFAULT_SVM_FEATURES));
    setSvmNu(json.getDouble("svm_nu", DEFAULT_SVM_NU));
    setFitThreads(json.getInteger("fit_threads", DEFAULT_FIT_THREADS));
    setFitCpuShare(json.getDouble("fit_cpu_share", DEFAULT_FIT_CPU_SHARE));
    setMaxSessions(json.getInteger("max_sessions", DEFAULT_MAX_SESSIONS));
    setSessionIdleTimeout(json.getDouble("session_idle_timeout", DEFAULT_SESSION_IDLE_TIMEOUT));
    setExplanationFeatures(json.getInteger("explanation_features", DEFAULT_EXPLANATION_FEATURES));
    setSvmMaxFitRows(json.getInteger("svm_max_fit_rows", DEFAULT_SVM_MAX_FIT_ROWS));
    setRcfTrees(json.getInteger("rcf_trees", DEFAULT_RCF_TREES));
    setRcfSampleSize(json.getInteger("rcf_sample_size", DEFAULT_RCF_SAMPLE_SIZE));
    setRcfZFactor(json.getDouble("rcf_z_factor", DEFAULT_RCF_Z_FACTOR));
    setRcfMinGrade(json.getDouble("rcf_min_grade", DEFAULT_RCF_MIN_GRADE));
    setDedupWindow(json.getInteger("dedup_window", DEFAULT_DEDUP_WINDOW));
  }

  /** @return the options as the {@code detector} section of the configuration */
  public JsonObject toJson() {
    return sessionDefaults.toJson()
        .put("trees", trees)
        .put("subsample", subsample)
        .put("svm_features", svmFeatures)
        .put("svm_nu", svmNu)
        .put("fit_threads", fitThreads)
        .put("fit_cpu_share", fitCpuShare)
        .put("max_sessions", maxSessions)
        .put("session_idle_timeout", sessionIdleTimeout)
        .put("explanation_features", explanationFeatures)
        .put("svm_max_fit_rows", svmMaxFitRows)
        .put("rcf_trees", rcfTrees)
        .put("rcf_sample_size", rcfSampleSize)
        .put("rcf_z_factor", rcfZFactor)
        .put("rcf_min_grade", rcfMinGrade)
        .put("dedup_window", dedupWindow);
  }

  /** @return the settings new sessions start with */
  public SessionSettings getSessionDefaults() {
    return sessionDefaults;
  }

  /**
   * @param sessionDefaults the settings new sessions start with
   * @return this
   */
  public DetectorOptions setSessionDefaults(SessionSettings sessionDefaults) {
    this.sessionDefaults = java.util.Objects.requireNonNull(sessionDefaults, "sessionDefaults");
    return this;
  }

  /** @return the number of isolation trees */
  public int getTrees() {
    return trees;
  }

  /**
   * @param trees the number of isolation trees, 1 to 1,000
   * @return this
   */
  public DetectorOptions setTrees(int trees) {
    this.trees = requireRange("trees", trees, 1, 1000);
    return this;
  }

  /** @return the rows per isolation tree */
  public int getSubsample() {
    return subsample;
  }

  /**
   * @param subsample the rows per isolation tree, 2 to {@link IsolationForestTrainer#MAX_SUBSAMPLE}
   * @return this
   */
  public DetectorOptions setSubsample(int subsample) {
    this.subsample = requireRange("subsample", subsample, 2, IsolationForestTrainer.MAX_SUBSAMPLE);
    return this;
  }

  /** @return the number of random Fourier features of the one-class SVM */
  public int getSvmFeatures() {
    return svmFeatures;
  }

  /**
   * @param svmFeatures the number of random Fourier features, 10 to 5,000
   * @return this
   */
  public DetectorOptions setSvmFeatures(int svmFeatures) {
    this.svmFeatures = requireRange("svm_features", svmFeatures, 10, 5000);
    return this;
  }

  /** @return the one-class SVM's nu */
  public double getSvmNu() {
    return svmNu;
  }

  /**
   * @param svmNu the one-class SVM's nu, in (0, 1]
   * @return this
   */
  public DetectorOptions setSvmNu(double svmNu) {
    if (!(svmNu > 0 && svmNu <= 1)) {
      throw new IllegalArgumentException("svm_nu must be in (0, 1], got " + svmNu);
    }
    this.svmNu = svmNu;
    return this;
  }

  /** @return the number of threads that fit models */
  public int getFitThreads() {
    return fitThreads;
  }

  /**
   * @param fitThreads the number of threads that fit models, 1 to 64
   * @return this
   */
  public DetectorOptions setFitThreads(int fitThreads) {
    this.fitThreads = requireRange("fit_threads", fitThreads, 1, 64);
    return this;
  }

  /** @return the largest share of a core each fitting thread may use */
  public double getFitCpuShare() {
    return fitCpuShare;
  }

  /**
   * @param fitCpuShare the largest share of a core each fitting thread may use, in (0, 1]
   * @return this
   */
  public DetectorOptions setFitCpuShare(double fitCpuShare) {
    if (!(fitCpuShare > 0 && fitCpuShare <= 1)) {
      throw new IllegalArgumentException("fit_cpu_share must be in (0, 1], got " + fitCpuShare);
    }
    this.fitCpuShare = fitCpuShare;
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
  public DetectorOptions setMaxSessions(int maxSessions) {
    this.maxSessions = requireRange("max_sessions", maxSessions, 1, Integer.MAX_VALUE);
    return this;
  }

  /** @return seconds without a request after which a session is evicted */
  public double getSessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  /**
   * @param sessionIdleTimeout seconds without a request after which a session is evicted, positive
   * @return this
   */
  public DetectorOptions setSessionIdleTimeout(double sessionIdleTimeout) {
    if (!(sessionIdleTimeout > 0) || Double.isInfinite(sessionIdleTimeout)) {
      throw new IllegalArgumentException("session_idle_timeout must be a positive number of seconds, got "
          + sessionIdleTimeout);
    }
    this.sessionIdleTimeout = sessionIdleTimeout;
    return this;
  }

  /** @return the number of features named in the explanation of an anomaly */
  public int getExplanationFeatures() {
    return explanationFeatures;
  }

  /**
   * @param explanationFeatures the number of features named in the explanation of an anomaly, 1 to 100
   * @return this
   */
  public DetectorOptions setExplanationFeatures(int explanationFeatures) {
    this.explanationFeatures = requireRange("explanation_features", explanationFeatures, 1, 100);
    return this;
  }

  /** @return the largest number of rows the one-class SVM is trained on */
  public int getSvmMaxFitRows() {
    return svmMaxFitRows;
  }

  /**
   * @param svmMaxFitRows the largest number of rows the one-class SVM is trained on, at least 100
   * @return this
   */
  public DetectorOptions setSvmMaxFitRows(int svmMaxFitRows) {
    this.svmMaxFitRows = requireRange("svm_max_fit_rows", svmMaxFitRows, 100, SessionSettings.MAX_BUFFER_SIZE);
    return this;
  }

  /** @return the number of trees of a random cut forest */
  public int getRcfTrees() {
    return rcfTrees;
  }

  /**
   * @param rcfTrees the number of trees of a random cut forest, 1 to 500
   * @return this
   */
  public DetectorOptions setRcfTrees(int rcfTrees) {
    this.rcfTrees = requireRange("rcf_trees", rcfTrees, 1, 500);
    return this;
  }

  /** @return the points each tree of a random cut forest samples */
  public int getRcfSampleSize() {
    return rcfSampleSize;
  }

  /**
   * @param rcfSampleSize the points each tree of a random cut forest samples, 16 to 4,096
   * @return this
   */
  public DetectorOptions setRcfSampleSize(int rcfSampleSize) {
    this.rcfSampleSize = requireRange("rcf_sample_size", rcfSampleSize, 16, 4096);
    return this;
  }

  /** @return how many standard deviations above the scores' mean a random cut forest's threshold sits */
  public double getRcfZFactor() {
    return rcfZFactor;
  }

  /**
   * @param rcfZFactor how many standard deviations above the scores' mean the threshold sits, 1 to 10
   * @return this
   */
  public DetectorOptions setRcfZFactor(double rcfZFactor) {
    if (!(rcfZFactor >= 1 && rcfZFactor <= 10)) {
      throw new IllegalArgumentException("rcf_z_factor must be between 1 and 10, got " + rcfZFactor);
    }
    this.rcfZFactor = rcfZFactor;
    return this;
  }

  /** @return the smallest anomaly grade for which a random cut forest flags a sample */
  public double getRcfMinGrade() {
    return rcfMinGrade;
  }

  /**
   * @param rcfMinGrade the smallest anomaly grade for which a random cut forest flags a sample, in (0, 1]
   * @return this
   */
  public DetectorOptions setRcfMinGrade(double rcfMinGrade) {
    if (!(rcfMinGrade > 0 && rcfMinGrade <= 1)) {
      throw new IllegalArgumentException("rcf_min_grade must be in (0, 1], got " + rcfMinGrade);
    }
    this.rcfMinGrade = rcfMinGrade;
    return this;
  }

  /** @return how many scoring replies each session keeps for repeated requests */
  public int getDedupWindow() {
    return dedupWindow;
  }

  /**
   * @param dedupWindow replies kept per session, so that a request sent again with the same client and request id
   *     is answered with its first reply and not scored twice; 0 turns de-duplication off
   * @return these options
   */
  public DetectorOptions setDedupWindow(int dedupWindow) {
    this.dedupWindow = requireRange("dedup_window", dedupWindow, 0, 100_000);
    return this;
  }

  static int requireRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }
}
