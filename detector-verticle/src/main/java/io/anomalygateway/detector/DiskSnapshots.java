package io.anomalygateway.detector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots in one file on this machine ({@value #FILE} in the {@code persistence.data_dir}), kept by H2's MVStore:
 * a log-structured key-value store that writes in the background and commits every {@code commit_interval}, so a
 * put costs the detector an in-memory map update, and a crash loses at most the last commit interval. The file is
 * opened once per process and shared by its detector instances (MVStore is thread-safe); the last one to stop
 * closes it, which commits everything.
 *
 * <p>Beside the snapshots, a second map keeps each one's expiry time (epoch milliseconds), so that sessions idle for
 * longer than {@code session_idle_timeout} are not restored after a restart, as they would have been evicted, and
 * so that the periodic expiry reads a small map of longs rather than every snapshot.
 */
final class DiskSnapshots implements SnapshotMap, Shareable {

  /** The store's file name inside the data directory. */
  static final String FILE = "sessions.mv.db";

  private static final String FILES = "anomaly.snapshot.files";

  private final Path file;
  private final LocalMap<String, DiskSnapshots> files;
  private final MVStore store;
  private final MVMap<String, byte[]> map;
  private final MVMap<String, Long> expiries;
  private final long spacingNanos;
  private int users;

  private DiskSnapshots(Path file, LocalMap<String, DiskSnapshots> files, int commitMillis) {
    this.file = file;
    this.files = files;
    this.store = new MVStore.Builder().fileName(file.toString()).open();
    store.setAutoCommitDelay(commitMillis);
    this.spacingNanos = commitMillis * 1_000_000L;
    this.map = store.openMap("sessions");
    this.expiries = store.openMap("expiries");
  }

  /**
   * @param dir the data directory, created if missing
   * @param commitMillis the longest a written snapshot waits before it is on disk
   * @return the process's store of that directory
   * @throws IllegalStateException when the directory cannot be used, e.g. another process has the file open
   */
  static DiskSnapshots open(Vertx vertx, Path dir, int commitMillis) {
    LocalMap<String, DiskSnapshots> files = vertx.sharedData().getLocalMap(FILES);
    Path file = dir.toAbsolutePath().normalize().resolve(FILE);
    synchronized (DiskSnapshots.class) {
      DiskSnapshots open = files.get(file.toString());
      if (open == null) {
        try {
          Files.createDirectories(dir);
          open = new DiskSnapshots(file, files, commitMillis);
        } catch (Exception e) {
          throw new IllegalStateException("Cannot keep session state in " + file + ": " + e.getMessage()
              + " (persistence.data_dir; another server may be using it)", e);
        }
        files.put(file.toString(), open);
      }
      open.users++;
      return open;
    }
  }

  @Override
  public Future<Void> put(String key, Buffer value, long ttlMillis) {
    map.put(key, value.getBytes());
    expiries.put(key, System.currentTimeMillis() + ttlMillis);
    return Future.succeededFuture();
  }

  @Override
  public long spacingNanos() {
    return spacingNanos;
  }

  @Override
  public Future<Buffer> get(String key) {
    Long expiry = expiries.get(key);
    if (expiry == null || expiry < System.currentTimeMillis()) {
      remove(key);
      return Future.succeededFuture();
    }
    byte[] bytes = map.get(key);
    return Future.succeededFuture(bytes == null ? null : Buffer.buffer(bytes));
  }

  @Override
  public void expire() {
    long now = System.currentTimeMillis();
    List<String> gone = new ArrayList<>();
    expiries.forEach((key, expiry) -> {
      if (expiry < now) {
        gone.add(key);
      }
    });
    gone.forEach(this::remove);
  }

  private void remove(String key) {
    map.remove(key);
    expiries.remove(key);
  }

  /** @return snapshots held in the file */
  long size() {
    return map.sizeAsLong();
  }

  @Override
  public Future<Void> close() {
    synchronized (DiskSnapshots.class) {
      if (--users == 0) {
        files.remove(file.toString());
        store.close();
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "DiskSnapshots[" + file + "]";
  }
}
