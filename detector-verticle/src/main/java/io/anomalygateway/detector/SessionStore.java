package io.anomalygateway.detector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.AsyncMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions' snapshots in the cluster-wide map {@value #MAP} (a Hazelcast map with a backup copy on another
 * node, see {@code config/cluster.xml}), so that when a detector is lost, the sessions' new owners go on from there.
 * Entries expire after {@code session_idle_timeout}, as the sessions themselves do.
 *
 * <p>Only on a clustered node: in one JVM no other detector could read them, and the map would double the memory
 * of every session. Then it holds nothing and finds nothing.
 */
final class SessionStore {

  /** The name of the snapshot map. */
  static final String MAP = "anomaly.snapshots";

  private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
  private static final String KEY_PREFIX = "detector:";

  private final Future<AsyncMap<String, Buffer>> map;
  private final long ttlMillis;
  private long written;
  private long restored;

  SessionStore(Vertx vertx, boolean enabled, double ttlSeconds) {
    this.map = enabled ? vertx.sharedData().<String, Buffer>getAsyncMap(MAP) : null;
    this.ttlMillis = Math.max(1_000L, Math.round(ttlSeconds * 1000));
  }

  /** @return whether snapshots are written and read */
  boolean isEnabled() {
    return map != null;
  }

  /**
   * Writes the session's state; nothing waits for it, and a failed write only logs.
   *
   * @return completed when written
   */
  Future<Void> save(String sessionId, SessionSnapshot snapshot) {
    if (map == null) {
      return Future.succeededFuture();
    }
    Buffer bytes = snapshot.toBuffer();
    return map.compose(m -> m.put(KEY_PREFIX + sessionId, bytes, ttlMillis))
        .onSuccess(v -> written++)
        .onFailure(e -> LOG.warn("Could not snapshot session {}: {}", sessionId, e.getMessage()));
  }

  /**
   * @return the session's latest snapshot, or {@code null} when there is none or it cannot be read (then the
   *     session starts afresh rather than not at all)
   */
  Future<SessionSnapshot> load(String sessionId) {
    if (map == null) {
      return Future.succeededFuture();
    }
    return map.compose(m -> m.get(KEY_PREFIX + sessionId))
        .map(bytes -> {
          if (bytes == null) {
            return (SessionSnapshot) null;
          }
          restored++;
          return SessionSnapshot.fromBuffer(bytes);
        })
        .otherwise(e -> {
          LOG.warn("Could not read the snapshot of session {}: {}", sessionId, e.getMessage());
          return null;
        });
  }

  /** @return snapshots written by this detector */
  long written() {
    return written;
  }

  /** @return sessions this detector restored from a snapshot */
  long restored() {
    return restored;
  }
}
