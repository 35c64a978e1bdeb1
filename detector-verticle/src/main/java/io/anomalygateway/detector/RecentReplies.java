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

  RecentReplies(int capacity) {
    this.capacity = capacity;
    this.replies = new LinkedHashMap<>(Math.min(capacity, 64), 0.75f) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ScoreReply> eldest) {
        return size() > RecentReplies.this.capacity;
      }
    };
  }

  /** @return the reply already given to this request, or {@code null} */
  ScoreReply find(String key) {
    return replies.get(key);
  }

  void remember(String key, ScoreReply reply) {
    replies.put(key, reply);
  }
}
