package io.anomalygateway.protocol;

import java.util.HashMap;
import java.util.Map;

/** The message types a client may send, by their wire name. */
public enum RequestType {
  /** One sample to score; answered with {@link ResponseType#RESULT}. */
  SAMPLE("sample"),
  /** Several samples to score in order; answered with {@link ResponseType#BATCH_RESULT}. */
  BATCH("batch"),
  /** Session and connection statistics; answered with {@link ResponseType#STATS}. */
  STATS("stats"),
  /** A drift check of the session's recent samples against its reference window; answered with
   * {@link ResponseType#DRIFT_RESULT}. */
  DRIFT("drift"),
  /** Subscribe to a topic; answered with {@link ResponseType#SUBSCRIBED}, then the topic's events. */
  SUBSCRIBE("subscribe"),
  /** Unsubscribe from a topic; answered with {@link ResponseType#UNSUBSCRIBED}. */
  UNSUBSCRIBE("unsubscribe"),
  /** Keep-alive; answered with {@link ResponseType#PONG}. */
  PING("ping"),
  /** Read or change session and connection settings; answered with {@link ResponseType#CONFIG_ACK}. */
  CONFIG("config"),
  /** A new token for the open connection, before the current one expires; answered with
   * {@link ResponseType#REFRESHED}. */
  REFRESH("refresh");

  private static final Map<String, RequestType> BY_WIRE_NAME = new HashMap<>();

  static {
    for (RequestType type : values()) {
      BY_WIRE_NAME.put(type.wireName, type);
    }
  }

  private final String wireName;

  RequestType(String wireName) {
    this.wireName = wireName;
  }

  /** @return the value of the {@code type} field */
  public String wireName() {
    return wireName;
  }

  /**
   * @param wireName the value of a message's {@code type} field
   * @return the type, or {@code null} when the protocol has no such type
   */
  public static RequestType ofWireName(String wireName) {
    return BY_WIRE_NAME.get(wireName);
  }
}
