package io.anomalygateway.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The topics clients can subscribe to, with their event-bus addresses.
 *
 * <p>Each event is published twice: on the topic's address (every session's events, what the gateways and
 * {@code scope:"all"} subscribers follow) and either on the session's own address ({@code <address>.<session_id>},
 * what a browser registers on through the bridge) or, for a node-wide event (a gateway's own statistics, a node
 * alert: {@code session_id} null), on the topic's node address ({@code anomaly.node.<topic>}), which carries no
 * session's data and which every role may watch. Addresses are declared here only; the bridge permits exactly them.
 */
public enum Topic {
  /** Every anomalous sample, with its score and explanation. */
  ANOMALIES("anomalies", "anomaly"),
  /** Alerts raised and resolved by the alerts verticle. */
  ALERTS("alerts", "alert"),
  /** Periodic statistics of sessions and of the node. */
  STATS("stats", "stats"),
  /** Drift found by continuous monitoring. */
  DRIFT("drift", "drift");

  /** The prefix of every topic address. */
  public static final String ADDRESS_PREFIX = "anomaly.topic.";
  /** The prefix of the addresses of node-wide events. */
  public static final String NODE_ADDRESS_PREFIX = "anomaly.node.";

  private final String wireName;
  private final String eventType;

  Topic(String wireName, String eventType) {
    this.wireName = wireName;
    this.eventType = eventType;
  }

  /** @return the name used in {@code config.topic} and in events' {@code topic} */
  public String wireName() {
    return wireName;
  }

  /** @return the {@code type} of the events of this topic */
  public String eventType() {
    return eventType;
  }

  /** @return the address carrying every session's events of this topic */
  public String address() {
    return ADDRESS_PREFIX + wireName;
  }

  /**
   * @param sessionId a session
   * @return the address carrying that session's events of this topic
   */
  public String address(String sessionId) {
    return address() + "." + sessionId;
  }

  /** @return the address carrying the node-wide events of this topic (those whose {@code session_id} is null) */
  public String nodeAddress() {
    return NODE_ADDRESS_PREFIX + wireName;
  }

  /**
   * @param wireName a value of {@code config.topic}
   * @return the topic
   * @throws ProtocolException with {@link ErrorCode#INVALID_FIELD} for any other value
   */
  public static Topic ofWireName(String wireName) {
    for (Topic topic : values()) {
      if (topic.wireName.equals(wireName)) {
        return topic;
      }
    }
    throw new ProtocolException(ErrorCode.INVALID_FIELD, "'topic' must be one of: "
        + Arrays.stream(values()).map(Topic::wireName).collect(Collectors.joining(", ")) + ".");
  }

  /** @return a regular expression matching every topic address, global or per session, and nothing else */
  public static String addressPattern() {
    return "anomaly\\.topic\\.(" + names() + ")(\\.[A-Za-z0-9._:~-]+)?";
  }

  /** @return a regular expression matching every node address and nothing else */
  public static String nodeAddressPattern() {
    return "anomaly\\.node\\.(" + names() + ")";
  }

  private static String names() {
    return Arrays.stream(values()).map(Topic::wireName).collect(Collectors.joining("|"));
  }
}
