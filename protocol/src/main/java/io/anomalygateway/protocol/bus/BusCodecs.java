package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * The event-bus codecs of every message record: passed by reference locally, as the JSON of {@link BusJson}
 * between cluster nodes.
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
    add(bus, ScoreCommand.class, BusJson::toJson, BusJson::scoreCommand);
    add(bus, ScoreReply.class, BusJson::toJson, BusJson::scoreReply);
    add(bus, SessionQuery.class, q -> new JsonObject().put("session_id", q.sessionId()),
        j -> new SessionQuery(j.getString("session_id")));
    add(bus, SessionStats.class, BusJson::toJson, BusJson::sessionStats);
    add(bus, ConfigureCommand.class,
        c -> new JsonObject().put("session_id", c.sessionId()).put("update", c.update().toJson()),
        j -> new ConfigureCommand(j.getString("session_id"), ConfigUpdate.fromJson(j.getJsonObject("update"))));
    add(bus, SessionSettings.class, SessionSettings::toJson, SessionSettings::fromJson);
    add(bus, DriftObservation.class, BusJson::toJson, BusJson::driftObservation);
    add(bus, DriftQuery.class, BusJson::toJson, BusJson::driftQuery);
    add(bus, DriftReport.class, BusJson::toJson, BusJson::driftReport);
    add(bus, DriftEvent.class, BusJson::toJson, BusJson::driftEvent);
    add(bus, DriftStatus.class, BusJson::toJson, BusJson::driftStatus);
    add(bus, DriftSettings.class, DriftSettings::toJson, DriftSettings::fromJson);
    add(bus, ScoreSummary.class, BusJson::toJson, BusJson::scoreSummary);
  }

  private static <T> void add(EventBus bus, Class<T> type, Function<T, JsonObject> toJson,
                              Function<JsonObject, T> fromJson) {
    bus.registerDefaultCodec(type, new RecordCodec<>(type, toJson, fromJson));
  }

}
