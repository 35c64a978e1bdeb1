package io.anomalygateway.protocol;

/**
 * The WebSocket close codes this protocol adds to the standard ones (which Netty's {@code WebSocketCloseStatus}
 * declares: 1001 going away, 1008 policy violation, 1009 message too big, 1013 try again later). Codes 4000-4999
 * are for applications; these mirror the HTTP statuses they stand for.
 */
public final class CloseCodes {

  /** The connection's token expired and was not refreshed in time. */
  public static final short TOKEN_EXPIRED = 4401;
  /** The peer did not answer the server's ping within {@code ping_timeout}. */
  public static final short PING_TIMEOUT = 4408;

  private CloseCodes() {
  }
}
