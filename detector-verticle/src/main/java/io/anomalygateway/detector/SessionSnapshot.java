package io.anomalygateway.detector;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.buffer.Buffer;
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
 * @param replies the de-duplication window: the last replies by request key, oldest first
 * @param writer a token unique to the write (instance and sequence), by which a detector that still holds the
 *     session learns whether another one wrote it since, or {@code null}
 */
record SessionSnapshot(SessionSettings settings, int dimension, long totalSamples, List<ModelSnapshot> models,
                       String tenant, Map<String, ScoreReply> replies, String writer) {

  /** Format 2 added the tenant, the de-duplication window and the writer; format 1 (without them) is still read. */
  private static final int FORMAT = 2;

  /** @return the binary form */
  Buffer toBuffer() {
    Buffer buffer = Buffer.buffer(64 + models.stream().mapToInt(m -> 8 * m.rows().length + m.state().length).sum());
    buffer.appendInt(FORMAT);
    appendBytes(buffer, settings.toJson().encode().getBytes(StandardCharsets.UTF_8));
    buffer.appendInt(dimension).appendLong(totalSamples).appendInt(models.size());
    for (ModelSnapshot model : models) {
      appendBytes(buffer, model.algorithm().wireName().getBytes(StandardCharsets.UTF_8));
      buffer.appendLong(model.samples()).appendLong(model.anomalies()).appendLong(model.refits());
      buffer.appendInt(model.rows().length);
      for (double value : model.rows()) {
        buffer.appendDouble(value);
      }
      appendBytes(buffer, model.state());
    }
    appendBytes(buffer, (tenant == null ? "" : tenant).getBytes(StandardCharsets.UTF_8));
    JsonArray kept = new JsonArray();
    replies.forEach((key, reply) -> kept.add(new JsonArray().add(key).add(reply.toJson())));
    appendBytes(buffer, kept.encode().getBytes(StandardCharsets.UTF_8));
    appendBytes(buffer, (writer == null ? "" : writer).getBytes(StandardCharsets.UTF_8));
    return buffer;
  }

  /**
   * @param buffer the form of {@link #toBuffer()}
   * @return the snapshot
   * @throws IllegalArgumentException when the buffer is of another format
   */
  static SessionSnapshot fromBuffer(Buffer buffer) {
    Reader in = new Reader(buffer);
    int format = in.nextInt();
    if (format != 1 && format != FORMAT) {
      throw new IllegalArgumentException("Unknown snapshot format");
    }
    SessionSettings settings = SessionSettings.fromJson(new JsonObject(new String(in.nextBytes(),
        StandardCharsets.UTF_8)));
    int dimension = in.nextInt();
    long total = in.nextLong();
    int count = in.nextInt();
    List<ModelSnapshot> models = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Algorithm algorithm = Algorithm.ofWireName(new String(in.nextBytes(), StandardCharsets.UTF_8));
      long samples = in.nextLong();
      long anomalies = in.nextLong();
      long refits = in.nextLong();
      double[] rows = new double[in.nextInt()];
      for (int k = 0; k < rows.length; k++) {
        rows[k] = in.nextDouble();
      }
      models.add(new ModelSnapshot(algorithm, samples, anomalies, refits, rows, in.nextBytes()));
    }
    if (format == 1) {
      return new SessionSnapshot(settings, dimension, total, models, null, Map.of(), null);
    }
    String tenant = new String(in.nextBytes(), StandardCharsets.UTF_8);
    Map<String, ScoreReply> replies = new LinkedHashMap<>();
    for (Object entry : new JsonArray(new String(in.nextBytes(), StandardCharsets.UTF_8))) {
      JsonArray pair = (JsonArray) entry;
      replies.put(pair.getString(0), ScoreReply.fromJson(pair.getJsonObject(1)));
    }
    String writer = new String(in.nextBytes(), StandardCharsets.UTF_8);
    return new SessionSnapshot(settings, dimension, total, models, tenant.isEmpty() ? null : tenant, replies,
        writer.isEmpty() ? null : writer);
  }

  private static void appendBytes(Buffer buffer, byte[] bytes) {
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  /** Reads a buffer front to back. */
  private static final class Reader {
    private final Buffer buffer;
    private int position;

    Reader(Buffer buffer) {
      this.buffer = buffer;
    }

    int nextInt() {
      int value = buffer.getInt(position);
      position += 4;
      return value;
    }

    long nextLong() {
      long value = buffer.getLong(position);
      position += 8;
      return value;
    }

    double nextDouble() {
      double value = buffer.getDouble(position);
      position += 8;
      return value;
    }

    byte[] nextBytes() {
      int length = nextInt();
      byte[] bytes = buffer.getBytes(position, position + length);
      position += length;
      return bytes;
    }
  }
}
