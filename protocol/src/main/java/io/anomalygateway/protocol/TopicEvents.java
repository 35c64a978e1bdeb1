package io.anomalygateway.protocol;

import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.FeatureContribution;
import io.anomalygateway.protocol.bus.FeatureDrift;
import io.anomalygateway.protocol.bus.Verdict;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * The events of the topics, as clients receive them, and their publication: the one place where topic events are
 * mapped to JSON. Every event carries {@code type}, {@code topic}, {@code session_id} ({@code null} for node-wide
 * events) and {@code timestamp}. Events travel as {@link JsonObject}s, so that the bridge hands them to browsers as
 * they are and every cluster node can read them.
 */
public final class TopicEvents {

  private TopicEvents() {
  }

  /**
   * Publishes an event on its topic's address and on the session's address, or, for a node-wide event, on the
   * topic's node address.
   *
   * @param bus the event bus
   * @param topic the topic
   * @param event an event built by this class
   */
  public static void publish(EventBus bus, Topic topic, JsonObject event) {
    bus.publish(topic.address(), event);
    String sessionId = event.getString("session_id");
    bus.publish(sessionId != null ? topic.address(sessionId) : topic.nodeAddress(), event);
  }

  /**
   * @param sessionId the session
   * @param algorithm the algorithm that flagged the sample
   * @param verdict the anomalous verdict
   * @param threshold the model's threshold
   * @param values the sample
   * @param offset where the sample starts in {@code values}
   * @param dims the sample's length
   * @return an {@code anomaly} event
   */
  public static JsonObject anomaly(String sessionId, Algorithm algorithm, Verdict verdict, double threshold,
                                   double[] values, int offset, int dims) {
    JsonArray data = new JsonArray();
    for (int k = 0; k < dims; k++) {
      data.add(values[offset + k]);
    }
    JsonArray explanation = new JsonArray();
    for (FeatureContribution feature : verdict.explanation()) {
      explanation.add(new JsonObject().put("index", feature.index()).put("value", feature.value())
          .put("contribution", feature.contribution()).put("direction", feature.direction()));
    }
    return header(Topic.ANOMALIES, sessionId)
        .put("sample_id", verdict.sampleId())
        .put("is_anomaly", true)
        .put("algorithm", algorithm.wireName())
        .put("confidence_score", verdict.score())
        .put("threshold", Double.isFinite(threshold) ? threshold : null)
        .put("data", data)
        .put("explanation", explanation);
  }

  /**
   * @param event drift found by continuous monitoring
   * @return a {@code drift} event
   */
  public static JsonObject drift(DriftEvent event) {
    JsonArray features = new JsonArray();
    for (FeatureDrift feature : event.features()) {
      features.add(new JsonObject().put("index", feature.index()).put("statistic", feature.statistic())
          .put("p_value", Double.isFinite(feature.pValue()) ? feature.pValue() : null).put("psi", feature.psi()));
    }
    return header(Topic.DRIFT, event.sessionId())
        .put("sample", event.sample())
        .put("method", event.method().wireName())
        .put("features", features)
        .put("score_drift", event.scoreDrift())
        .put("refit", event.refit());
  }

  /**
   * @param alert the alert's fields: {@code alert_id}, {@code status}, {@code severity}, {@code rule},
   *     {@code value}, {@code threshold} and {@code metadata} ({@code title}, {@code message})
   * @param sessionId the session, or {@code null} for a node-wide alert
   * @return an {@code alert} event
   */
  public static JsonObject alert(String sessionId, JsonObject alert) {
    return header(Topic.ALERTS, sessionId).mergeIn(alert);
  }

  /**
   * @param sessionId the session, or {@code null} for the node's statistics
   * @param stats the statistics
   * @return a {@code stats} event
   */
  public static JsonObject stats(String sessionId, JsonObject stats) {
    return header(Topic.STATS, sessionId).put("stats", stats);
  }

  private static JsonObject header(Topic topic, String sessionId) {
    return new JsonObject()
        .put("type", topic.eventType())
        .put("topic", topic.wireName())
        .put("session_id", sessionId)
        .put("timestamp", Instant.now().toString());
  }
}
