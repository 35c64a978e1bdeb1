package io.anomalygateway.detector;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's detector state as kept in the cluster's snapshot map: settings, dimension, sample count and every
 * model's {@link ModelSnapshot}. Stored as a compact binary {@link Buffer} (rows as raw doubles), which the map
 * replicates to a backup node as it is.
 *
 * @param settings the session's settings
 * @param dimension the session's dimension, 0 before its first sample
 * @param totalSamples samples the session scored
 * @param models one snapshot per model the session used
 */
record SessionSnapshot(SessionSettings settings, int dimension, long totalSamples, List<ModelSnapshot> models) {

  private static final int FORMAT = 1;

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
    return buffer;
  }

  /**
   * @param buffer the form of {@link #toBuffer()}
   * @return the snapshot
   * @throws IllegalArgumentException when the buffer is of another format
   */
  static SessionSnapshot fromBuffer(Buffer buffer) {
    Reader in = new Reader(buffer);
    if (in.nextInt() != FORMAT) {
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
    return new SessionSnapshot(settings, dimension, total, models);
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
