package io.anomalygateway.detector;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.buffer.Buffer;
import io.anomalygateway.protocol.bus.BinaryReader;
import io.anomalygateway.protocol.bus.BinaryWriter;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's detector state as kept in the cluster's snapshot map: settings, dimension, sample count and every
 * model's {@link ModelSnapshot}. Stored as a compact binary {@link Buffer} (rows as raw doubles), which the map
 * replicates to a backup node as it is.
 *
 * @param settings the session's settings
 * @param dimension the session's dimension, 0 before its first sample
 * @param totalSamples samples the session scored
 * @param models one snapshot per model the session used
 * @param tenant the token the session's memory is counted against, or {@code null}
 * @param replies the de-duplication window: the last replies by request key, oldest first, in the bus's binary
 *     form ({@link ScoreReply#writeTo})
 * @param writer a token unique to the write (instance and sequence), by which a detector that still holds the
 *     session learns whether another one wrote it since, or {@code null}
 */
record SessionSnapshot(SessionSettings settings, int dimension, long totalSamples, List<ModelSnapshot> models,
                       String tenant, Map<String, byte[]> replies, String writer) {

  /**
   * Format 3 keeps the replies in the bus's binary form instead of JSON; format 2 added the tenant, the
   * de-duplication window and the writer. Formats 1 and 2 are still read, so that a data file or a cluster map
   * written by an older build restores.
   */
  private static final int FORMAT = 3;

  /** @return the binary form */
  Buffer toBuffer() {
    Buffer buffer = Buffer.buffer(256 + models.stream().mapToInt(m -> 64 + 8 * m.rows().length + m.state().length)
        .sum() + replies.values().stream().mapToInt(reply -> 64 + reply.length).sum());
    buffer.appendInt(FORMAT);
    BinaryWriter.bytes(buffer, settings.toJson().encode().getBytes(StandardCharsets.UTF_8));
    buffer.appendInt(dimension).appendLong(totalSamples).appendInt(models.size());
    for (ModelSnapshot model : models) {
      BinaryWriter.text(buffer, model.algorithm().wireName());
      buffer.appendLong(model.samples()).appendLong(model.anomalies()).appendLong(model.refits());
      BinaryWriter.doubles(buffer, model.rows());
      BinaryWriter.bytes(buffer, model.state());
    }
    BinaryWriter.text(buffer, tenant == null ? "" : tenant);
    buffer.appendInt(replies.size());
    replies.forEach((key, reply) -> {
      BinaryWriter.text(buffer, key);
      BinaryWriter.bytes(buffer, reply);
    });
    BinaryWriter.text(buffer, writer == null ? "" : writer);
    return buffer;
  }

  /**
   * @param buffer the form of {@link #toBuffer()}, or of an earlier format
   * @return the snapshot
   * @throws IllegalArgumentException when the buffer is of an unknown format
   */
  static SessionSnapshot fromBuffer(Buffer buffer) {
    BinaryReader in = new BinaryReader(buffer, 0);
    int format = in.nextInt();
    if (format < 1 || format > FORMAT) {
      throw new IllegalArgumentException("Unknown snapshot format");
    }
    SessionSettings settings = SessionSettings.fromJson(new JsonObject(new String(in.nextBytes(),
        StandardCharsets.UTF_8)));
    int dimension = in.nextInt();
    long total = in.nextLong();
    int count = in.nextInt();
    List<ModelSnapshot> models = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Algorithm algorithm = Algorithm.ofWireName(in.nextText());
      models.add(new ModelSnapshot(algorithm, in.nextLong(), in.nextLong(), in.nextLong(), in.nextDoubles(),
          in.nextBytes()));
    }
    if (format == 1) {
      return new SessionSnapshot(settings, dimension, total, models, null, Map.of(), null);
    }
    String tenant = in.nextText();
    Map<String, byte[]> replies = format == 2 ? jsonReplies(in) : replies(in);
    String writer = in.nextText();
    return new SessionSnapshot(settings, dimension, total, models, tenant.isEmpty() ? null : tenant, replies,
        writer.isEmpty() ? null : writer);
  }

  private static Map<String, byte[]> replies(BinaryReader in) {
    Map<String, byte[]> replies = new LinkedHashMap<>();
    for (int i = in.nextInt(); i > 0; i--) {
      replies.put(in.nextText(), in.nextBytes());
    }
    return replies;
  }

  /** Format 2's replies were JSON: each is read and kept in the binary form. */
  private static Map<String, byte[]> jsonReplies(BinaryReader in) {
    Map<String, byte[]> replies = new LinkedHashMap<>();
    for (Object entry : new JsonArray(new String(in.nextBytes(), StandardCharsets.UTF_8))) {
      JsonArray pair = (JsonArray) entry;
      Buffer reply = Buffer.buffer();
      ScoreReply.fromJson(pair.getJsonObject(1)).writeTo(reply);
      replies.put(pair.getString(0), reply.getBytes());
    }
    return replies;
  }
}
