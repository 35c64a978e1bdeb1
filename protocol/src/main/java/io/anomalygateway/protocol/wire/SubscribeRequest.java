package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.Topic;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * A {@code subscribe} or {@code unsubscribe} request: {@code config.topic}, and for {@code subscribe} the
 * {@code config.scope}: {@code "session"} (the default: the connection's own session) or {@code "all"}, and
 * {@code config.since}: the last position the client saw, to receive the events it missed.
 *
 * @param type {@link RequestType#SUBSCRIBE} or {@link RequestType#UNSUBSCRIBE}
 * @param requestId the client's request id, or {@code null}
 * @param topic the topic
 * @param allSessions whether the subscription covers every session
 * @param since the last position the client saw, or {@code null}
 */
public record SubscribeRequest(RequestType type, String requestId, Topic topic, boolean allSessions, Since since)
    implements Request {

  /**
   * A position in a session's stream of events on one topic.
   *
   * @param epoch the history the offset belongs to; it changes when the gateway's history is lost (a restart)
   * @param offset the offset of the last event seen, 0 for none
   */
  public record Since(String epoch, long offset) {
  }

  private static final Set<String> KEYS = Set.of("topic", "scope", "since");

  static SubscribeRequest of(RequestType type, String requestId, JsonObject config) {
    if (config == null || config.getValue("topic") == null) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "A '" + type.wireName()
          + "' needs 'config.topic': anomalies, alerts, stats or drift.");
    }
    for (String key : config.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new ProtocolException(ErrorCode.INVALID_FIELD, "'config' of a '" + type.wireName()
            + "' takes 'topic', 'scope' and 'since' only.");
      }
    }
    if (!(config.getValue("topic") instanceof String)) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'topic' must be a string.");
    }
    Object scope = config.getValue("scope");
    if (scope != null && !"session".equals(scope) && !"all".equals(scope)) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'scope' must be 'session' or 'all'.");
    }
    return new SubscribeRequest(type, requestId, Topic.ofWireName(config.getString("topic")), "all".equals(scope),
        since(config.getValue("since")));
  }

  private static Since since(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonObject since && since.getValue("epoch") instanceof String epoch && epoch.length() <= 64
        && since.getValue("offset") instanceof Number offset && offset.longValue() >= 0
        && offset.doubleValue() == offset.longValue() && since.size() == 2) {
      return new Since(epoch, offset.longValue());
    }
    throw new ProtocolException(ErrorCode.INVALID_FIELD, "'since' must be {\"epoch\": string, \"offset\": "
        + "non-negative integer}, as the last event received carried them.");
  }
}
