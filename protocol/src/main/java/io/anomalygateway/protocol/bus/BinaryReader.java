package io.anomalygateway.protocol.bus;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Reads a {@link Buffer} front to back, in the order its binary form was appended: big-endian numbers, and byte
 * strings and texts prefixed by their length ({@code -1} for a null text). The bus codecs and the session snapshots
 * share it, so that both read what {@link BinaryWriter} wrote.
 */
public final class BinaryReader {

  private final Buffer buffer;
  private int position;

  /**
   * @param buffer the bytes
   * @param position where the first value starts
   */
  public BinaryReader(Buffer buffer, int position) {
    this.buffer = buffer;
    this.position = position;
  }

  /** @return the next {@code int} */
  public int nextInt() {
    int value = buffer.getInt(position);
    position += 4;
    return value;
  }

  /** @return the next {@code long} */
  public long nextLong() {
    long value = buffer.getLong(position);
    position += 8;
    return value;
  }

  /** @return the next {@code double} */
  public double nextDouble() {
    double value = buffer.getDouble(position);
    position += 8;
    return value;
  }

  /** @return the next {@code boolean}, one byte */
  public boolean nextBoolean() {
    return buffer.getByte(position++) != 0;
  }

  /** @return the next length-prefixed byte string */
  public byte[] nextBytes() {
    int length = nextInt();
    byte[] bytes = buffer.getBytes(position, position + length);
    position += length;
    return bytes;
  }

  /** @return the next length-prefixed UTF-8 text, or {@code null} */
  public String nextText() {
    int length = nextInt();
    if (length < 0) {
      return null;
    }
    String text = buffer.getString(position, position + length, StandardCharsets.UTF_8.name());
    position += length;
    return text;
  }

  /** @return the next count-prefixed array of doubles */
  public double[] nextDoubles() {
    double[] values = new double[nextInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = buffer.getDouble(position);
      position += 8;
    }
    return values;
  }
}
