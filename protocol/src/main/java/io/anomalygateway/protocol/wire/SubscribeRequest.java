package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.Topic;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * A {@code subscribe} or {@code unsubscribe} request: {@code config.topic}, and for {@code subscribe} the
 * {@code config.scope}: {@code "session"} (the default: the connection's own session) or {@code "all"}.
 *
 * @param type {@link RequestType#SUBSCRIBE} or {@link RequestType#UNSUBSCRIBE}
 * @param requestId the client's request id, or {@code null}
 * @param topic the topic
 * @param allSessions whether the subscription covers every session
 */
public record SubscribeRequest(RequestType type, String requestId, Topic topic, boolean allSessions)
    implements Request {

  private static final Set<String> KEYS = Set.of("topic", "scope");

  static SubscribeRequest of(RequestType type, String requestId, JsonObject config) {
    if (config == null || config.getValue("topic") == null) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "A '" + type.wireName()
          + "' needs 'config.topic': anomalies, alerts, stats or drift.");
    }
    for (String key : config.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new ProtocolException(ErrorCode.INVALID_FIELD, "'config' of a '" + type.wireName()
            + "' takes 'topic' and 'scope' only.");
      }
    }
    if (!(config.getValue("topic") instanceof String)) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'topic' must be a string.");
    }
    Object scope = config.getValue("scope");
    if (scope != null && !"session".equals(scope) && !"all".equals(scope)) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'scope' must be 'session' or 'all'.");
    }
    return new SubscribeRequest(type, requestId, Topic.ofWireName(config.getString("topic")), "all".equals(scope));
  }
}
