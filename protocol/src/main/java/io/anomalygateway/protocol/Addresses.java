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

  /** The detector forwards every scored block of samples here ({@code DriftObservation}, no reply). */
  public static final String DRIFT_OBSERVE = "anomaly.drift.observe";
  /** Answers a {@code drift} request ({@code DriftQuery} to {@code DriftReport}). */
  public static final String DRIFT_CHECK = "anomaly.drift.check";
  /** Changes a session's drift settings ({@code ConfigureCommand} to {@code DriftSettings}). */
  public static final String DRIFT_CONFIGURE = "anomaly.drift.configure";
  /** Reads a session's drift status for {@code stats} ({@code SessionQuery} to {@code DriftStatus}). */
  public static final String DRIFT_STATUS = "anomaly.drift.status";
  /** Drift detected by continuous monitoring is published here ({@code DriftEvent}). */
  public static final String DRIFT_EVENTS = "anomaly.events.drift";

  /** The detector sends a summary of every scored block here ({@code ScoreSummary}, no reply). */
  public static final String ALERTS_OBSERVE = "anomaly.alerts.observe";
  /** Reloads the alert rules from their file (any body, replied with the rules in force). */
  public static final String ALERTS_RELOAD = "anomaly.alerts.reload";

  /**
   * The public request address of the gateways, for browsers on the event-bus bridge: a JSON object of the
   * WebSocket protocol plus {@code session_id}, replied with the protocol's response object.
   */
  public static final String GATEWAY_REQUEST = "anomaly.gateway.request";

  // Topic addresses are declared by Topic, from its names.

  private Addresses() {
  }
}
