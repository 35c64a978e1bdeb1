package io.anomalygateway.detector;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Where session snapshots are kept: the cluster's replicated map ({@link ClusterSnapshots}) when detectors can take
 * over each other's sessions, or a file on this machine ({@link DiskSnapshots}) when one process must survive its
 * own restart.
 */
interface SnapshotMap {

  /**
   * @param key the session's key
   * @param value the snapshot's bytes
   * @param ttlMillis how long the snapshot stays readable
   * @return completed when the write is done (for a file: handed to the store, on disk within its commit delay)
   */
  Future<Void> put(String key, Buffer value, long ttlMillis);

  /** @return the snapshot, or {@code null} when there is none or it expired */
  Future<Buffer> get(String key);

  /**
   * How soon after a put of a key another put of it is worth its cost. A file commits every {@code commit_interval},
   * and only the last put before a commit reaches the disk, so a session snapshotted more often than that only costs
   * its detector the encoding; the cluster's map replicates every put at once, so it waits
   * {@code cluster.snapshot_spacing}, trading that much freshness after a failover for a bounded cost.
   *
   * @return the spacing in nanoseconds, 0 for none
   */
  default long spacingNanos() {
    return 0;
  }

  /** Forgets the snapshots whose time ran out. */
  void expire();

  /** @return completed when everything written is kept (a file: committed and closed) */
  Future<Void> close();
}
