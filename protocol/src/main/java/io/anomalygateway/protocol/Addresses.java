package io.anomalygateway.protocol;

/**
 * Every event-bus address of the system, declared once.
 *
 * <p>Addresses are internal: they never appear in anything sent to a client. All detector addresses are
 * request-reply; the detector verticle is their only consumer.
 */
public final class Addresses {

  /** Scores one or more samples of a session ({@code ScoreCommand} to {@code ScoreReply}). */
  public static final String DETECTOR_SCORE = "anomaly.detector.score";
  /** Reads a session's detector statistics ({@code SessionQuery} to {@code SessionStats}). */
  public static final String DETECTOR_STATS = "anomaly.detector.stats";
  /** Changes a session's detector settings ({@code ConfigureCommand} to {@code SessionSettings}). */
  public static final String DETECTOR_CONFIGURE = "anomaly.detector.configure";

  private Addresses() {
  }
}
