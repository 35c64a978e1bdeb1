package io.anomalygateway.protocol;

/**
 * Every event-bus address of the system, declared once.
 *
 * <p>Addresses are internal: they never appear in anything sent to a client. All detector addresses are
 * request-reply; the detector verticle is their only consumer.
 *
 * <p>The addresses about one session (detector, drift and alerts ones) are never used as they are: each instance of
 * those services consumes them suffixed with its own id ({@link #ofInstance}), and senders pick the instance that
 * owns the session (see the runtime module's {@code InstanceDirectory}). Plain point-to-point sends
 * would spread one session's samples over every instance, and across cluster nodes Vert.x weights them unevenly.
 */
public final class Addresses {

  /** Scores one or more samples of a session ({@code ScoreCommand} to {@code ScoreReply}). */
  public static final String DETECTOR_SCORE = "anomaly.detector.score";
  /** Reads a session's detector statistics ({@code SessionQuery} to {@code SessionStats}). */
  public static final String DETECTOR_STATS = "anomaly.detector.stats";
  /** Changes a session's detector settings ({@code ConfigureCommand} to {@code SessionSettings}). */
  public static final String DETECTOR_CONFIGURE = "anomaly.detector.configure";
  /**
   * Answers ({@code SessionQuery} to the same) once the detector has sent the drift and alerts instances what it
   * scored until then: a barrier the gateway passes before reading drift state, so that a {@code drift} or
   * {@code stats} request counts every sample answered before it, though observations travel coalesced.
   */
  public static final String DETECTOR_OBSERVED = "anomaly.detector.observed";

  /** The detector forwards every scored block of samples here, coalesced ({@code DriftObservations}, no reply). */
  public static final String DRIFT_OBSERVE = "anomaly.drift.observe";
  /** Answers a {@code drift} request ({@code DriftQuery} to {@code DriftReport}). */
  public static final String DRIFT_CHECK = "anomaly.drift.check";
  /** Changes a session's drift settings ({@code ConfigureCommand} to {@code DriftSettings}). */
  public static final String DRIFT_CONFIGURE = "anomaly.drift.configure";
  /** Reads a session's drift status for {@code stats} ({@code SessionQuery} to {@code DriftStatus}). */
  public static final String DRIFT_STATUS = "anomaly.drift.status";
  /** Drift detected by continuous monitoring is published here ({@code DriftEvent}). */
  public static final String DRIFT_EVENTS = "anomaly.events.drift";

  /** The detector sends a summary of every scored block here, coalesced ({@code ScoreSummaries}, no reply). */
  public static final String ALERTS_OBSERVE = "anomaly.alerts.observe";
  /** Reloads the alert rules from their file (any body, replied with the rules in force). */
  public static final String ALERTS_RELOAD = "anomaly.alerts.reload";

  /**
   * The public request address of the gateways, for browsers on the event-bus bridge: a JSON object of the
   * WebSocket protocol plus {@code session_id}, replied with the protocol's response object.
   */
  public static final String GATEWAY_REQUEST = "anomaly.gateway.request";

  /** Every service instance announces itself here ({@code Presence} as JSON, published). */
  public static final String PRESENCE = "anomaly.cluster.presence";
  /** A newcomer asks every instance to announce itself at once (any body, published). */
  public static final String PRESENCE_QUERY = "anomaly.cluster.presence.query";
  /** Each gateway answers here, locally, to prove to its readiness check that the event bus delivers. */
  public static final String GATEWAY_READINESS = "anomaly.gateway.readiness";
  /** The launcher tells its own node's verticles that a cluster node left (the node id, local delivery only). */
  public static final String NODE_LEFT = "anomaly.cluster.node-left";

  // Topic addresses are declared by Topic, from its names.

  /**
   * @param address one of the per-session service addresses above
   * @param instanceId the id of the instance that consumes it
   * @return the address of that instance
   */
  public static String ofInstance(String address, String instanceId) {
    return address + "." + instanceId;
  }

  private Addresses() {
  }
}
