package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.wire.SubscribeRequest.Since;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's recent events per topic and session, so that a subscriber that reconnects receives what it missed:
 * each event gets an {@code offset} (increasing, per topic, across sessions) and the gateway's {@code epoch}, and
 * the last {@code topic_history_size} events of each session younger than {@code topic_history_age} are kept. The
 * epoch is new at every start, so a client learns when a history it relied on was lost. Resuming is exact or says
 * it is not: a position older than what was dropped gets {@code recovered: false}, never a silent gap.
 *
 * <p>Only the gateway's event loop touches it.
 */
final class TopicHistory {

  /** An event as pushed, with its offset. */
  private record Entry(long offset, String text, long at) {
  }

  /** One session's events on one topic, and the highest offset it no longer holds. */
  private static final class Stream {
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long lastOffset;
    private long lastAt;
    private long droppedUpTo;

    private Stream(long droppedUpTo) {
      this.droppedUpTo = droppedUpTo;
    }
  }

  /** Per topic: the last offset given, and the highest offset of a stream forgotten since. */
  private static final class Log {
    private final Map<String, Stream> streams = new HashMap<>();
    private long lastOffset;
    private long forgottenUpTo;
  }

  /**
   * What a subscriber resuming from a position gets.
   *
   * @param recovered whether every event after its position is replayed (otherwise it must reload its state)
   * @param epoch the current epoch
   * @param offset the offset of the session's last event on the topic (0 for none)
   * @param missed the events after its position, in order (empty unless recovered)
   */
  record Recovery(boolean recovered, String epoch, long offset, List<String> missed) {
  }

  private final String epoch = UUID.randomUUID().toString().substring(0, 8);
  private final int size;
  private final long ageNanos;
  private final Map<Topic, Log> logs = new EnumMap<>(Topic.class);

  TopicHistory(int size, java.time.Duration age) {
    this.size = size;
    this.ageNanos = age.toNanos();
    for (Topic topic : Topic.values()) {
      logs.put(topic, new Log());
    }
  }

  /**
   * Numbers an event and keeps it.
   *
   * @return the event's text, with its {@code offset} and {@code epoch}
   */
  String record(Topic topic, String sessionId, JsonObject event, long now) {
    Log log = logs.get(topic);
    Stream stream = log.streams.computeIfAbsent(sessionId, id -> new Stream(log.forgottenUpTo));
    long offset = ++log.lastOffset;
    stream.lastOffset = offset;
    stream.lastAt = now;
    String text = event.copy().put("offset", offset).put("epoch", epoch).encode();
    stream.entries.addLast(new Entry(offset, text, now));
    while (stream.entries.size() > size) {
      stream.droppedUpTo = stream.entries.removeFirst().offset();
    }
    return text;
  }

  /** @return what a subscriber gets back from {@code since}, or only the current position when it is {@code null} */
  Recovery resume(Topic topic, String sessionId, Since since, long now) {
    Log log = logs.get(topic);
    Stream stream = log.streams.get(sessionId);
    long last = stream == null ? 0 : stream.lastOffset;
    if (since == null || !epoch.equals(since.epoch())) {
      return new Recovery(false, epoch, last, List.of());
    }
    if (stream == null) {
      return new Recovery(since.offset() >= log.forgottenUpTo, epoch, last, List.of());
    }
    expire(stream, now);
    if (since.offset() < stream.droppedUpTo) {
      return new Recovery(false, epoch, last, List.of());
    }
    List<String> missed = new ArrayList<>();
    for (Entry entry : stream.entries) {
      if (entry.offset() > since.offset()) {
        missed.add(entry.text());
      }
    }
    return new Recovery(true, epoch, last, missed);
  }

  /** Drops events older than the age limit, and streams with nothing left, so that idle sessions cost nothing. */
  void sweep(long now) {
    for (Log log : logs.values()) {
      for (Iterator<Stream> it = log.streams.values().iterator(); it.hasNext(); ) {
        Stream stream = it.next();
        expire(stream, now);
        if (stream.entries.isEmpty()) {
          log.forgottenUpTo = Math.max(log.forgottenUpTo, stream.lastOffset);
          it.remove();
        }
      }
    }
  }

  private void expire(Stream stream, long now) {
    while (!stream.entries.isEmpty() && now - stream.entries.peekFirst().at() > ageNanos) {
      stream.droppedUpTo = stream.entries.removeFirst().offset();
    }
  }
}
