package io.anomalygateway.detector;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * Where a detector that is not clustered keeps its sessions across restarts: the {@code persistence} section of the
 * configuration.
 *
 * @param dataDir the directory of the snapshot file, or {@code null} to keep nothing (every restart starts afresh)
 * @param commitInterval seconds a written snapshot may wait before it is on disk: what a crash can lose
 */
public record PersistenceOptions(Path dataDir, double commitInterval) {

  /** Validates each setting, naming it and its value. */
  public PersistenceOptions {
    if (!(commitInterval > 0 && commitInterval <= 60)) {
      throw new IllegalArgumentException("persistence.commit_interval must be in (0, 60] seconds, got "
          + commitInterval);
    }
  }

  /**
   * @param json the {@code persistence} section, or {@code null} for none (nothing kept)
   * @return the options
   */
  public static PersistenceOptions fromJson(JsonObject json) {
    JsonObject section = json == null ? new JsonObject() : json;
    String dir = section.getString("data_dir");
    return new PersistenceOptions(dir == null || dir.isBlank() ? null : Path.of(dir),
        section.getDouble("commit_interval", 1.0));
  }

  /** @return the commit delay in milliseconds */
  public int commitMillis() {
    return (int) Math.round(commitInterval * 1000);
  }
}
