package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The event-bus codecs of every message record, and their JSON form between cluster nodes: the one place where bus
 * records are mapped to JSON.
 */
public final class BusCodecs {

  private static final String REGISTERED = "io.anomalygateway.protocol.bus.codecs";

  private BusCodecs() {
  }

  /**
   * Registers the codecs as default codecs of their record types. Idempotent, so that every verticle can call it
   * from {@code start()} whether or not another verticle of the same Vert.x instance already did.
   *
   * @param vertx the Vert.x instance whose event bus carries the records
   */
  public static void register(Vertx vertx) {
    if (vertx.sharedData().getLocalMap(REGISTERED).putIfAbsent("registered", Boolean.TRUE) != null) {
      return;
    }
    EventBus bus = vertx.eventBus();
    add(bus, ScoreCommand.class, BusCodecs::toJson, BusCodecs::scoreCommand);
    add(bus, ScoreReply.class, BusCodecs::toJson, BusCodecs::scoreReply);
    add(bus, SessionQuery.class, q -> new JsonObject().put("session_id", q.sessionId()),
        j -> new SessionQuery(j.getString("session_id")));
    add(bus, SessionStats.class, BusCodecs::toJson, BusCodecs::sessionStats);
    add(bus, ConfigureCommand.class,
        c -> new JsonObject().put("session_id", c.sessionId()).put("update", c.update().toJson()),
        j -> new ConfigureCommand(j.getString("session_id"), ConfigUpdate.fromJson(j.getJsonObject("update"))));
    add(bus, SessionSettings.class, SessionSettings::toJson, SessionSettings::fromJson);
  }

  private static <T> void add(EventBus bus, Class<T> type, Function<T, JsonObject> toJson,
                              Function<JsonObject, T> fromJson) {
    bus.registerDefaultCodec(type, new RecordCodec<>(type, toJson, fromJson));
  }

  static JsonObject toJson(ScoreCommand command) {
    JsonArray values = new JsonArray(new ArrayList<>(command.samples().values().length));
    for (double value : command.samples().values()) {
      values.add(value);
    }
    return new JsonObject().put("session_id", command.sessionId())
        .put("algorithm", command.algorithm() == null ? null : command.algorithm().wireName())
        .put("dims", command.samples().dims()).put("values", values);
  }

  static ScoreCommand scoreCommand(JsonObject json) {
    JsonArray array = json.getJsonArray("values");
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ((Number) array.getValue(i)).doubleValue();
    }
    String algorithm = json.getString("algorithm");
    return new ScoreCommand(json.getString("session_id"),
        algorithm == null ? null : Algorithm.ofWireName(algorithm), new Samples(json.getInteger("dims"), values));
  }

  static JsonObject toJson(ScoreReply reply) {
    JsonArray verdicts = new JsonArray();
    for (Verdict verdict : reply.verdicts()) {
      JsonArray explanation = new JsonArray();
      for (FeatureContribution feature : verdict.explanation()) {
        explanation.add(new JsonArray().add(feature.index()).add(feature.value()).add(feature.contribution())
            .add(feature.direction()));
      }
      verdicts.add(new JsonArray().add(verdict.anomaly()).add(verdict.score()).add(verdict.bufferSize())
          .add(explanation));
    }
    return new JsonObject().put("algorithm", reply.algorithm().wireName()).put("model_fitted", reply.modelFitted())
        .put("refitting", reply.refitting()).put("threshold", finiteOrNull(reply.threshold()))
        .put("verdicts", verdicts);
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
      verdicts.add(new Verdict(verdict.getBoolean(0), verdict.getDouble(1), verdict.getInteger(2), explanation));
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
        .put("detector_sessions", stats.detector().sessions()).put("evictions", stats.detector().evictions());
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
        new DetectorLoad(json.getInteger("detector_sessions"), json.getLong("evictions")));
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static double nanIfNull(Double value) {
    return value == null ? Double.NaN : value;
  }
}
