package io.anomalygateway.protocol;

/**
 * The HTTP paths the gateway serves, declared once for the server, the JVM client, the benchmarks and the tests.
 * Clients of other languages carry the same paths in {@code sdk/asyncapi.yaml}.
 */
public final class Endpoints {

  /** The WebSocket endpoint's path up to the session id: {@code /api/v1/streaming/enhanced/{session_id}}. */
  public static final String STREAMING_PREFIX = "/api/v1/streaming/enhanced/";
  /** The WebSocket endpoint as a route, with the session id as its path parameter {@code session_id}. */
  public static final String STREAMING_ROUTE = STREAMING_PREFIX + ":session_id";
  /** Liveness: answers while the process serves HTTP. */
  public static final String HEALTH = "/api/v1/streaming/health";
  /** Readiness: whether a load balancer should send this gateway traffic. */
  public static final String READY = "/api/v1/streaming/ready";
  /** What the bearer's token permits, for dashboards. */
  public static final String ACCESS = "/api/v1/streaming/access";
  /** Prometheus metrics. */
  public static final String METRICS = "/metrics";
  /** The SockJS event-bus bridge, as a route prefix. */
  public static final String EVENT_BUS = "/eventbus/*";

  private Endpoints() {
  }

  /**
   * @param sessionId a session id (letters, digits and {@code . _ : ~ -})
   * @return the WebSocket endpoint's path for that session
   */
  public static String streaming(String sessionId) {
    return STREAMING_PREFIX + sessionId;
  }
}
