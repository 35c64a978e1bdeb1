package io.anomalygateway.protocol.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An event-bus codec for an immutable record: passed by reference on the local bus, in its binary form (or its
 * JSON, length-prefixed) between cluster nodes.
 *
 * <p>Passing the instance itself locally saves an encode and a decode per hop in the one-JVM mode; it is safe
 * because records and their arrays are never changed once sent.
 *
 * @param <T> the record type
 */
final class RecordCodec<T> implements MessageCodec<T, T> {

  private final String name;
  private final BiConsumer<Buffer, T> writer;
  private final Function<BinaryReader, T> reader;

  RecordCodec(Class<T> type, BiConsumer<Buffer, T> writer, Function<BinaryReader, T> reader) {
    this.name = "anomaly-" + type.getSimpleName();
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    writer.accept(buffer, value);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    return reader.apply(new BinaryReader(buffer, pos));
  }

  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
