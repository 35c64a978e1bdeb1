package io.anomalygateway.detector;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions' snapshots, in a {@link SnapshotMap}: the cluster's replicated map on a clustered node, so that a
 * lost detector's sessions go on elsewhere; a file in {@code persistence.data_dir} in the single-process mode, so
 * that they go on after a restart; or nowhere (then it holds nothing and finds nothing). Entries expire after
 * {@code session_idle_timeout}, as the sessions themselves do.
 */
final class SessionStore {

  private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
  private static final String KEY_PREFIX = "detector:";

  private final SnapshotMap map;
  private final long ttlMillis;

  /**
   * @param map where the snapshots go, or {@code null} for none
   * @param ttl how long a snapshot stays readable
   */
  SessionStore(SnapshotMap map, java.time.Duration ttl) {
    this.map = map;
    this.ttlMillis = Math.max(1_000L, ttl.toMillis());
  }

  /** @return how soon after a snapshot of a session another one can keep anything more, in nanoseconds; 0 any time */
  long spacingNanos() {
    return map == null ? 0 : map.spacingNanos();
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
    try {
      return map.put(KEY_PREFIX + sessionId, snapshot.toBuffer(), ttlMillis)
          .onFailure(e -> LOG.warn("Could not snapshot session {}: {}", sessionId, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("Could not snapshot session {}: {}", sessionId, e.toString());
      return Future.failedFuture(e);
    }
  }

  /**
   * @return the session's latest snapshot, or {@code null} when there is none or it cannot be read (then the
   *     session starts afresh rather than not at all)
   */
  Future<SessionSnapshot> load(String sessionId) {
    if (map == null) {
      return Future.succeededFuture();
    }
    Future<io.vertx.core.buffer.Buffer> read;
    try {
      read = map.get(KEY_PREFIX + sessionId);
    } catch (RuntimeException e) {
      read = Future.failedFuture(e);
    }
    return read.map(bytes -> {
          return bytes == null ? null : SessionSnapshot.fromBuffer(bytes);
        })
        .otherwise(e -> {
          LOG.warn("Could not read the snapshot of session {}: {}", sessionId, e.getMessage());
          return null;
        });
  }

  /** Forgets expired snapshots (a file keeps them until told). */
  void expire() {
    if (map != null) {
      try {
        map.expire();
      } catch (RuntimeException e) {
        LOG.warn("Could not expire old snapshots: {}", e.toString());
      }
    }
  }

  /** @return completed once everything written is kept */
  Future<Void> close() {
    return map == null ? Future.succeededFuture() : map.close();
  }
}
