package io.anomalygateway.detector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.AsyncMap;

/**
 * Snapshots in the cluster-wide map {@value #MAP} (a Hazelcast map with a backup copy on another node, see
 * {@code config/cluster.xml}), so that when a detector is lost, the sessions' new owners go on from there. Entries
 * expire by themselves (Hazelcast's time to live).
 */
final class ClusterSnapshots implements SnapshotMap {

  /** The name of the snapshot map. */
  static final String MAP = "anomaly.snapshots";

  private final Future<AsyncMap<String, Buffer>> map;
  private final long spacingNanos;

  /**
   * @param spacing the shortest time between two snapshots of a session ({@code cluster.snapshot_spacing})
   */
  ClusterSnapshots(Vertx vertx, java.time.Duration spacing) {
    this.map = vertx.sharedData().getAsyncMap(MAP);
    this.spacingNanos = spacing.toNanos();
  }

  @Override
  public long spacingNanos() {
    return spacingNanos;
  }

  @Override
  public Future<Void> put(String key, Buffer value, long ttlMillis) {
    return map.compose(m -> m.put(key, value, ttlMillis));
  }

  @Override
  public Future<Buffer> get(String key) {
    return map.compose(m -> m.get(key));
  }

  @Override
  public void expire() {
    // Hazelcast expires entries itself.
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
