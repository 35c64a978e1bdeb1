package io.anomalygateway.detector;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a detector that is not clustered keeps its sessions across restarts: the {@code persistence} section of the
 * configuration.
 *
 * @param dataDir the directory of the snapshot file; blank keeps nothing
 * @param commitInterval how long a written snapshot may wait before it is on disk: what a crash can lose
 */
public record PersistenceOptions(
    @JsonPropertyDescription("directory of the detector's snapshot file (not clustered); `\"\"` keeps nothing, so "
        + "every restart starts afresh")
    String dataDir,
    @JsonPropertyDescription("how long a written snapshot may wait before it is on disk: what a crash can lose")
    @DurationMin(millis = 1, message = "must be positive")
    @DurationMax(seconds = 60, message = "must be at most 60s") Duration commitInterval) {

  /** @return the snapshot directory, or {@code null} when nothing is kept */
  public Path directory() {
    return dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir);
  }

  /** @return the commit delay in milliseconds */
  public int commitMillis() {
    return (int) commitInterval.toMillis();
  }
}
