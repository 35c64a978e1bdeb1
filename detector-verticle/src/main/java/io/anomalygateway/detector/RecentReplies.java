package io.anomalygateway.detector;

import io.anomalygateway.protocol.bus.ScoreReply;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replies to a session's last scoring requests, by request key, so that a request a client sends again after a
 * reconnect (same {@code client_id}, same {@code request_id}) is answered with its original result instead of being
 * scored twice. It lives with the session in the detector, not in the gateway, so that a gateway restart does not
 * forget it. Bounded: the oldest entry goes when {@code dedup_window} are held.
 */
final class RecentReplies {

  private final int capacity;
  private final Map<String, ScoreReply> replies;
  private long bytes;

  RecentReplies(int capacity) {
    this.capacity = capacity;
    this.replies = new LinkedHashMap<>(Math.min(capacity, 64), 0.75f) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ScoreReply> eldest) {
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
   * @return an upper bound of its bytes when none of them is anomalous, a little more than half when all are
   */
  static long estimate(int verdicts) {
    return 512 + 96L * verdicts;
  }

  private static long bytesOf(String key, ScoreReply reply) {
    long bytes = 256 + 2L * key.length() + 64L * reply.verdicts().size();
    for (var verdict : reply.verdicts()) {
      if (verdict.anomaly()) {
        bytes += 64 + 96L * verdict.explanation().size();
      }
    }
    return bytes;
  }

  /** @return an estimate of the bytes the kept replies hold */
  long bytes() {
    return bytes;
  }

  /** @return the kept replies, oldest first, for a snapshot */
  Map<String, ScoreReply> entries() {
    return replies;
  }

  /** @return the reply already given to this request, or {@code null} */
  ScoreReply find(String key) {
    return replies.get(key);
  }

  void remember(String key, ScoreReply reply) {
    ScoreReply before = replies.put(key, reply);
    bytes += bytesOf(key, reply) - (before == null ? 0 : bytesOf(key, before));
  }
}
