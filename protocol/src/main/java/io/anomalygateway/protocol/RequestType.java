package io.anomalygateway.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * The message types a client may send, by their wire name.
 *
 * <p>A type that is part of the protocol but not yet offered by this server is still recognised, so that clients get
 * {@link ErrorCode#UNSUPPORTED_TYPE} rather than {@link ErrorCode#UNKNOWN_TYPE} for it.
 */
public enum RequestType {
  /** One sample to score; answered with {@link ResponseType#RESULT}. */
  SAMPLE("sample", true),
  /** Several samples to score in order; answered with {@link ResponseType#BATCH_RESULT}. */
  BATCH("batch", true),
  /** Session and connection statistics; answered with {@link ResponseType#STATS}. */
  STATS("stats", true),
  /** A drift check of the session's recent samples against its reference window; answered with
   * {@link ResponseType#DRIFT_RESULT}. */
  DRIFT("drift", true),
  /** Subscribe to a topic; answered with {@link ResponseType#SUBSCRIBED}, then the topic's events. */
  SUBSCRIBE("subscribe", true),
  /** Unsubscribe from a topic; answered with {@link ResponseType#UNSUBSCRIBED}. */
  UNSUBSCRIBE("unsubscribe", true),
  /** Keep-alive; answered with {@link ResponseType#PONG}. */
  PING("ping", true),
  /** Read or change session and connection settings; answered with {@link ResponseType#CONFIG_ACK}. */
  CONFIG("config", true);

  private static final Map<String, RequestType> BY_WIRE_NAME = new HashMap<>();

  static {
    for (RequestType type : values()) {
      BY_WIRE_NAME.put(type.wireName, type);
    }
  }

  private final String wireName;
  private final boolean supported;

  RequestType(String wireName, boolean supported) {
    this.wireName = wireName;
    this.supported = supported;
  }

  /** @return the value of the {@code type} field */
  public String wireName() {
    return wireName;
  }

  /** @return true when this server answers the type */
  public boolean isSupported() {
    return supported;
  }

  /**
   * @param wireName the value of a message's {@code type} field
   * @return the type, or {@code null} when the protocol has no such type
   */
  public static RequestType ofWireName(String wireName) {
    return BY_WIRE_NAME.get(wireName);
  }
}
