package io.anomalygateway.gateway;

import io.anomalygateway.protocol.bus.DriftStatus;
import io.anomalygateway.protocol.bus.ModelStats;
import io.anomalygateway.protocol.bus.SessionStats;
import io.vertx.core.json.JsonObject;

/**
 * Composes the {@code stats} object: the session's detector state ({@code streaming}), the node's connections
 * ({@code connections}) and the asking connection's own counters ({@code client}).
 */
final class StatsReport {

  private final ConnectionRegistry registry;

  StatsReport(ConnectionRegistry registry) {
    this.registry = registry;
  }

  JsonObject of(Peer connection, SessionStats session, DriftStatus drift) {
    JsonObject streaming = streaming(session);
    if (drift != null) {
      streaming.put("drift", new JsonObject()
          .put("samples", drift.samples())
          .put("reference_size", drift.referenceSize())
          .put("detections", drift.detections())
          .put("last_detection", drift.lastDetection() < 0 ? null : drift.lastDetection())
          .mergeIn(drift.settings().toJson()));
    }
    JsonObject stats = new JsonObject()
        .put("streaming", streaming)
        .put("connections", connections(connection));
    if (connection instanceof Connection) {
      stats.put("client", client((Connection) connection));
    }
    return stats;
  }

  private static JsonObject streaming(SessionStats session) {
    ModelStats current = session.defaultModel();
    JsonObject models = new JsonObject();
    for (ModelStats model : session.models()) {
      models.put(model.algorithm().wireName(), model(model));
    }
    long anomalies = session.models().stream().mapToLong(ModelStats::anomalies).sum();
    return new JsonObject()
        .put("session_id", session.sessionId())
        .put("algorithm", session.settings().algorithm().wireName())
        .put("total_samples", session.totalSamples())
        .put("anomalies", anomalies)
        .put("buffer_size", current == null ? 0 : current.bufferSize())
        .put("model_fitted", current != null && current.fitted())
        .put("dimension", session.dimension())
        .put("settings", session.settings().toJson())
        .put("models", models)
        .put("detector", new JsonObject()
            .put("sessions", session.detector().sessions())
            .put("evictions", session.detector().evictions())
            .put("state_bytes", session.detector().stateBytes())
            .put("state_budget", session.detector().stateBudget())
            .put("state_refusals", session.detector().refusals()));
  }

  private static JsonObject model(ModelStats model) {
    JsonObject json = new JsonObject()
        .put("samples", model.samples())
        .put("anomalies", model.anomalies())
        .put("buffer_size", model.bufferSize())
        .put("model_fitted", model.fitted())
        .put("fits", model.refits());
    if (Double.isFinite(model.threshold())) {
      json.put("threshold", model.threshold());
    }
    return json;
  }

  private JsonObject connections(Peer connection) {
    long received = registry.received();
    return new JsonObject()
        .put("active_connections", registry.activeConnections())
        .put("active_sessions", registry.activeSessions())
        .put("session_clients", registry.session(connection.sessionId()).size())
        .put("messages_received", received)
        .put("messages_sent", registry.sent())
        .put("errors", registry.errors())
        .put("error_rate", received == 0 ? 0.0 : (double) registry.errors() / received)
        .put("dropped_events", registry.dropped())
        .put("rate_limited", registry.rateLimited())
        .put("request_bytes", registry.requests().used())
        .put("request_budget", registry.requests().limit());
  }

  private static JsonObject client(Connection connection) {
    return new JsonObject()
        .put("client_id", connection.clientId())
        .put("connected_at", connection.connectedAt())
        .put("messages_received", connection.receivedCount())
        .put("messages_sent", connection.sentCount())
        .put("errors", connection.errorCount())
        .put("dropped", connection.droppedCount())
        .put("processing_mode", connection.settings().processingMode().wireName());
  }
}
