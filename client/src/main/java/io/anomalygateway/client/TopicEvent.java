package io.anomalygateway.client;

import io.vertx.core.json.JsonObject;

/**
 * An event pushed on a topic the client subscribed to.
 *
 * @param type {@code anomaly}, {@code alert}, {@code stats} or {@code drift}
 * @param topic {@code anomalies}, {@code alerts}, {@code stats} or {@code drift}
 * @param sessionId the session it is about
 * @param timestamp when it happened (ISO-8601)
 * @param epoch the gateway history the offset belongs to, or {@code null} ({@code stats} events have none)
 * @param offset the event's position in its session's stream on the topic (increasing), 0 when it has none
 * @param body the whole event as the server sent it
 */
public record TopicEvent(String type, String topic, String sessionId, String timestamp, String epoch, long offset,
                         JsonObject body) {

  static TopicEvent fromJson(JsonObject json) {
    return new TopicEvent(json.getString("type"), json.getString("topic"), json.getString("session_id"),
        json.getString("timestamp"), json.getString("epoch"), json.getLong("offset", 0L), json);
  }
}
