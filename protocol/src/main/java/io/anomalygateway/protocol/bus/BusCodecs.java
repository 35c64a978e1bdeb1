package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The event-bus codecs of every message record: passed by reference locally; between cluster nodes, the records of
 * every request in the binary form of {@link BusBinary}, the rest as the JSON of {@link BusJson}.
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
    binary(bus, ScoreCommand.class, BusBinary::write, BusBinary::scoreCommand);
    binary(bus, ScoreReply.class, BusBinary::write, BusBinary::scoreReply);
    binary(bus, DriftObservations.class, BusBinary::write, BusBinary::driftObservations);
    binary(bus, ScoreSummaries.class, BusBinary::write, BusBinary::scoreSummaries);
    add(bus, SessionQuery.class, q -> new JsonObject().put("session_id", q.sessionId()),
        j -> new SessionQuery(j.getString("session_id")));
    add(bus, SessionStats.class, BusJson::toJson, BusJson::sessionStats);
    add(bus, ConfigureCommand.class,
        c -> new JsonObject().put("session_id", c.sessionId()).put("update", c.update().toJson()),
        j -> new ConfigureCommand(j.getString("session_id"), ConfigUpdate.fromJson(j.getJsonObject("update"))));
    add(bus, SessionSettings.class, SessionSettings::toJson, SessionSettings::fromJson);
    add(bus, DriftQuery.class, BusJson::toJson, BusJson::driftQuery);
    add(bus, DriftReport.class, BusJson::toJson, BusJson::driftReport);
    add(bus, DriftEvent.class, BusJson::toJson, BusJson::driftEvent);
    add(bus, DriftStatus.class, BusJson::toJson, BusJson::driftStatus);
    add(bus, DriftSettings.class, DriftSettings::toJson, DriftSettings::fromJson);
  }

  /** A record that crosses the cluster per request: its binary form. */
  private static <T> void binary(EventBus bus, Class<T> type, BiConsumer<Buffer, T> writer,
                                 Function<BinaryReader, T> reader) {
    bus.registerDefaultCodec(type, new RecordCodec<>(type, writer, reader));
  }

  /** A rarer record (queries, settings, reports): its JSON, which a person can read in a capture. */
  private static <T> void add(EventBus bus, Class<T> type, Function<T, JsonObject> toJson,
                              Function<JsonObject, T> fromJson) {
    bus.registerDefaultCodec(type, new RecordCodec<>(type, (buffer, value) -> {
      Buffer json = toJson.apply(value).toBuffer();
      buffer.appendInt(json.length()).appendBuffer(json);
    }, in -> fromJson.apply(new JsonObject(Buffer.buffer(in.nextBytes())))));
  }

}
