package io.anomalygateway.detector;

import io.anomalygateway.protocol.bus.BinaryReader;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.vertx.core.buffer.Buffer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replies to a session's last scoring requests, by request key, so that a request a client sends again after a
 * reconnect (same {@code client_id}, same {@code request_id}) is answered with its original result instead of being
 * scored twice. It lives with the session in the detector, not in the gateway, so that a gateway restart does not
 * forget it. Bounded: the oldest entry goes when {@code dedup_window} are held.
 *
 * <p>Replies are kept in the bus's binary form, encoded once when they are given. A repeat is rare, and decoding
 * it then is cheap; meanwhile the form is about half the objects' size, and a snapshot, which carries every kept
 * reply (256 replies of 100 verdicts for a session fed in batches), copies bytes instead of encoding them again.
 */
final class RecentReplies {

  /** Bytes of a map entry and its array headers, beside the key's and the reply's own. */
  private static final int ENTRY = 96;

  private final int capacity;
  private final Map<String, byte[]> replies;
  private long bytes;

  RecentReplies(int capacity) {
    this.capacity = capacity;
    this.replies = new LinkedHashMap<>(Math.min(capacity, 64), 0.75f) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
        boolean full = size() > RecentReplies.this.capacity;
        if (full) {
          bytes -= bytesOf(eldest.getKey(), eldest.getValue());
        }
        return full;
      }
    };
  }

  /**
   * @param verdicts the verdicts of a reply about to be kept
   * @return an upper bound of its bytes when none of them is anomalous, about three quarters when all are
   */
  static long estimate(int verdicts) {
    return 512 + 96L * verdicts;
  }

  private static long bytesOf(String key, byte[] reply) {
    return ENTRY + 2L * key.length() + reply.length;
  }

  /** @return the bytes the kept replies hold */
  long bytes() {
    return bytes;
  }

  /** @return the kept replies in their binary form, oldest first, for a snapshot */
  Map<String, byte[]> entries() {
    return replies;
  }

  /** @return the reply already given to this request, or {@code null} */
  ScoreReply find(String key) {
    byte[] reply = replies.get(key);
    return reply == null ? null : ScoreReply.readFrom(new BinaryReader(Buffer.buffer(reply), 0));
  }

  void remember(String key, ScoreReply reply) {
    Buffer encoded = Buffer.buffer(64 + 64 * reply.verdicts().size());
    reply.writeTo(encoded);
    remember(key, encoded.getBytes());
  }

  /** Keeps a reply already in its binary form: one restored from a snapshot. */
  void remember(String key, byte[] reply) {
    byte[] before = replies.put(key, reply);
    bytes += bytesOf(key, reply) - (before == null ? 0 : bytesOf(key, before));
  }
}
