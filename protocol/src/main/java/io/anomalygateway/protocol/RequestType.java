package io.anomalygateway.protocol;

/** The message types a client may send, by their wire name. */
public enum RequestType implements WireNamed {
  /** One sample to score; answered with {@link ResponseType#RESULT}. */
  SAMPLE,
  /** Several samples to score in order; answered with {@link ResponseType#BATCH_RESULT}. */
  BATCH,
  /** Session and connection statistics; answered with {@link ResponseType#STATS}. */
  STATS,
  /** A drift check of the session's recent samples against its reference window; answered with
   * {@link ResponseType#DRIFT_RESULT}. */
  DRIFT,
  /** Subscribe to a topic; answered with {@link ResponseType#SUBSCRIBED}, then the topic's events. */
  SUBSCRIBE,
  /** Unsubscribe from a topic; answered with {@link ResponseType#UNSUBSCRIBED}. */
  UNSUBSCRIBE,
  /** Keep-alive; answered with {@link ResponseType#PONG}. */
  PING,
  /** Read or change session and connection settings; answered with {@link ResponseType#CONFIG_ACK}. */
  CONFIG,
  /** A new token for the open connection, before the current one expires; answered with
   * {@link ResponseType#REFRESHED}. */
  REFRESH;

  /**
   * @param wireName the value of a message's {@code type} field
   * @return the type, or {@code null} when the protocol has no such type
   */
  public static RequestType ofWireName(String wireName) {
    return WireNames.find(RequestType.class, wireName).orElse(null);
  }
}
