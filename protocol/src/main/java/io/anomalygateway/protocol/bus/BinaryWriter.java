package io.anomalygateway.protocol.bus;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/** Appends values in the binary form that {@link BinaryReader} reads back. */
public final class BinaryWriter {

  private BinaryWriter() {
  }

  /**
   * @param buffer where to append
   * @param text a text, or {@code null}
   */
  public static void text(Buffer buffer, String text) {
    if (text == null) {
      buffer.appendInt(-1);
      return;
    }
    bytes(buffer, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param buffer where to append
   * @param bytes a byte string
   */
  public static void bytes(Buffer buffer, byte[] bytes) {
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  /**
   * @param buffer where to append
   * @param values numbers, NaN and infinities included
   */
  public static void doubles(Buffer buffer, double[] values) {
    buffer.appendInt(values.length);
    for (double value : values) {
      buffer.appendDouble(value);
    }
  }

  /**
   * @param buffer where to append
   * @param value one byte, 1 or 0
   */
  public static void bool(Buffer buffer, boolean value) {
    buffer.appendByte(value ? (byte) 1 : (byte) 0);
  }
}
