package io.anomalygateway.runtime.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.anomalygateway.runtime.config.Settings;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * The {@code cluster} section: how instances find each other on the event bus, and how often detectors snapshot.
 *
 * @param nodeId this process's id in the cluster; the launcher sets it to the Hazelcast member id when it joins
 * @param presenceInterval time between two announcements of each instance
 * @param presenceTimeout silence after which an instance is taken for dead
 * @param snapshotInterval samples between two snapshots of a detector session
 * @param snapshotSpacing the shortest time between two snapshots of a session in the cluster's map
 * @param requestAttempts owners a gateway tries for one request before {@code DETECTOR_UNAVAILABLE}
 */
public record ClusterOptions(
    @JsonPropertyDescription("not a setting: this process's id in the cluster, which the launcher sets to the "
        + "Hazelcast member id when it joins one; `local` means alone on the local event bus")
    @NotBlank String nodeId,
    @JsonPropertyDescription("time between two presence announcements of each detector, drift and alerts instance")
    @DurationMin(millis = 50, message = "must be at least 50ms")
    @DurationMax(seconds = 60, message = "must be at most 60s") Duration presenceInterval,
    @JsonPropertyDescription("silence after which an instance is taken for dead (clustered only; a killed node is "
        + "dropped at once through the membership listener)")
    @DurationMin(millis = 200, message = "must be at least 200ms")
    @DurationMax(seconds = 600, message = "must be at most 600s") Duration presenceTimeout,
    @JsonPropertyDescription("samples between two snapshots of a detector session (clustered only; `0` turns "
        + "snapshots off)")
    @Range(min = 0, max = 1_000_000) int snapshotInterval,
    @JsonPropertyDescription("shortest time between two snapshots of a session in the cluster's map (clustered only; "
        + "a data file waits its `commit_interval`): one due sooner "
        + "is written when it has passed. Bounds what a busy session costs its detector and the network (one fed "
        + "batches was snapshotted every two requests); a failover may lose up to this much more. `0s` writes every "
        + "snapshot at once")
    @DurationMax(seconds = 60, message = "must be at most 60s") Duration snapshotSpacing,
    @JsonPropertyDescription("owners a gateway tries for one request when detectors die under it, before "
        + "`DETECTOR_UNAVAILABLE`")
    @Range(min = 1, max = 10) int requestAttempts) {

  /** The node id of a process alone on its local event bus. */
  public static final String LOCAL_NODE = "local";

  /** @return the packaged defaults */
  public static ClusterOptions defaults() {
    return Settings.read(null, "cluster", ClusterOptions.class);
  }

  /** @return whether this process expects other nodes, i.e. it joined a cluster */
  @JsonIgnore
  public boolean isClustered() {
    return !LOCAL_NODE.equals(nodeId);
  }

  /** Live instances would be taken for dead between two announcements otherwise. */
  @JsonIgnore
  @AssertTrue(message = "presence_timeout must be longer than presence_interval: live instances would be taken "
      + "for dead between two announcements")
  public boolean isTimeoutLongerThanInterval() {
    return presenceTimeout == null || presenceInterval == null || presenceTimeout.compareTo(presenceInterval) > 0;
  }

  /** @return {@link #presenceInterval()} in milliseconds, at least 1 */
  public long presenceIntervalMillis() {
    return Math.max(1L, presenceInterval.toMillis());
  }

  /** @return {@link #presenceTimeout()} in milliseconds, at least 1 */
  public long presenceTimeoutMillis() {
    return Math.max(1L, presenceTimeout.toMillis());
  }
}
