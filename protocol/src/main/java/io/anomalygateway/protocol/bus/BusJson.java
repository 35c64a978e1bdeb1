package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of the rarer bus records between cluster nodes (queries, settings, reports), and of the replies kept
 * by snapshots of format 2: the one place where bus records are mapped to JSON.
 */
final class BusJson {

  private BusJson() {
  }

  static JsonObject toJson(DriftQuery query) {
    return new JsonObject().put("session_id", query.sessionId()).put("window_size", query.windowSize())
        .put("method", query.method() == null ? null : query.method().wireName())
        .put("alpha", finiteOrNull(query.alpha())).put("reset", query.reset());
  }

  static DriftQuery driftQuery(JsonObject json) {
    String method = json.getString("method");
    return new DriftQuery(json.getString("session_id"), json.getInteger("window_size"),
        method == null ? null : DriftMethod.ofWireName(method), nanIfNull(json.getDouble("alpha")),
        json.getBoolean("reset"));
  }

  static JsonObject toJson(DriftReport report) {
    return new JsonObject().put("status", report.status()).put("drift_detected", report.driftDetected())
        .put("method", report.method().wireName()).put("window_size", report.windowSize())
        .put("reference_size", report.referenceSize()).put("current_size", report.currentSize())
        .put("alpha", report.alpha()).put("correction", report.correction())
        .put("samples_needed", report.samplesNeeded()).put("features", features(report.features()))
        .put("evidence", report.evidence()).put("detected_at", report.detectedAt());
  }

  static DriftReport driftReport(JsonObject json) {
    return new DriftReport(json.getString("status"), json.getBoolean("drift_detected"),
        DriftMethod.ofWireName(json.getString("method")), json.getInteger("window_size"),
        json.getInteger("reference_size"), json.getInteger("current_size"), json.getDouble("alpha"),
        json.getString("correction"), json.getInteger("samples_needed"), features(json.getJsonArray("features")),
        json.getString("evidence"), json.getLong("detected_at"));
  }

  static JsonObject toJson(DriftEvent event) {
    return new JsonObject().put("session_id", event.sessionId()).put("sample", event.sample())
        .put("method", event.method().wireName()).put("features", features(event.features()))
        .put("score_drift", event.scoreDrift()).put("refit", event.refit()).put("recent_size", event.recentSize());
  }

  static DriftEvent driftEvent(JsonObject json) {
    return new DriftEvent(json.getString("session_id"), json.getLong("sample"),
        DriftMethod.ofWireName(json.getString("method")), features(json.getJsonArray("features")),
        json.getBoolean("score_drift"), json.getBoolean("refit"), json.getInteger("recent_size"));
  }

  static JsonObject toJson(DriftStatus status) {
    return new JsonObject().put("samples", status.samples()).put("reference_size", status.referenceSize())
        .put("detections", status.detections()).put("last_detection", status.lastDetection())
        .put("settings", status.settings().toJson());
  }

  static DriftStatus driftStatus(JsonObject json) {
    return new DriftStatus(json.getLong("samples"), json.getInteger("reference_size"), json.getLong("detections"),
        json.getLong("last_detection"), DriftSettings.fromJson(json.getJsonObject("settings")));
  }

  private static JsonArray features(List<FeatureDrift> features) {
    JsonArray array = new JsonArray();
    for (FeatureDrift feature : features) {
      array.add(new JsonArray().add(feature.index()).add(feature.statistic()).add(finiteOrNull(feature.pValue()))
          .add(feature.psi()).add(feature.drifted()));
    }
    return array;
  }

  private static List<FeatureDrift> features(JsonArray array) {
    List<FeatureDrift> features = new ArrayList<>();
    for (Object entry : array) {
      JsonArray feature = (JsonArray) entry;
      features.add(new FeatureDrift(feature.getInteger(0), feature.getDouble(1), nanIfNull(feature.getDouble(2)),
          feature.getDouble(3), feature.getBoolean(4)));
    }
    return features;
  }

  static ScoreReply scoreReply(JsonObject json) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Object entry : json.getJsonArray("verdicts")) {
      JsonArray verdict = (JsonArray) entry;
      List<FeatureContribution> explanation = new ArrayList<>();
      for (Object item : verdict.getJsonArray(3)) {
        JsonArray feature = (JsonArray) item;
        explanation.add(new FeatureContribution(feature.getInteger(0), feature.getDouble(1), feature.getDouble(2),
            feature.getString(3)));
      }
      verdicts.add(new Verdict(verdict.getString(4), verdict.getBoolean(0), verdict.getDouble(1),
          verdict.getInteger(2), explanation));
    }
    return new ScoreReply(Algorithm.ofWireName(json.getString("algorithm")), json.getBoolean("model_fitted"),
        json.getBoolean("refitting"), nanIfNull(json.getDouble("threshold")), verdicts);
  }

  static JsonObject toJson(SessionStats stats) {
    JsonArray models = new JsonArray();
    for (ModelStats model : stats.models()) {
      models.add(new JsonObject().put("algorithm", model.algorithm().wireName()).put("samples", model.samples())
          .put("anomalies", model.anomalies()).put("buffer_size", model.bufferSize()).put("fitted", model.fitted())
          .put("refits", model.refits()).put("threshold", finiteOrNull(model.threshold())));
    }
    return new JsonObject().put("session_id", stats.sessionId()).put("settings", stats.settings().toJson())
        .put("dimension", stats.dimension()).put("total_samples", stats.totalSamples()).put("models", models)
        .put("detector_sessions", stats.detector().sessions()).put("evictions", stats.detector().evictions())
        .put("state_bytes", stats.detector().stateBytes()).put("state_budget", stats.detector().stateBudget())
        .put("state_refusals", stats.detector().refusals());
  }

  static SessionStats sessionStats(JsonObject json) {
    List<ModelStats> models = new ArrayList<>();
    for (Object entry : json.getJsonArray("models")) {
      JsonObject model = (JsonObject) entry;
      models.add(new ModelStats(Algorithm.ofWireName(model.getString("algorithm")), model.getLong("samples"),
          model.getLong("anomalies"), model.getInteger("buffer_size"), model.getBoolean("fitted"),
          model.getLong("refits"), nanIfNull(model.getDouble("threshold"))));
    }
    return new SessionStats(json.getString("session_id"), SessionSettings.fromJson(json.getJsonObject("settings")),
        json.getInteger("dimension"), json.getLong("total_samples"), models,
        new DetectorLoad(json.getInteger("detector_sessions"), json.getLong("evictions"),
            json.getLong("state_bytes", 0L), json.getLong("state_budget", 0L), json.getLong("state_refusals", 0L)));
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static double nanIfNull(Double value) {
    return value == null ? Double.NaN : value;
  }
}
