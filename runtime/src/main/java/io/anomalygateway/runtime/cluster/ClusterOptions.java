package io.anomalygateway.runtime.cluster;

import io.vertx.core.json.JsonObject;

/**
 * How service instances find each other and survive each other's loss: the {@code cluster} section of the
 * configuration, handed to every verticle. The launcher adds {@code node_id}, the cluster node's id; in one JVM it
 * stays {@link #DEFAULT_NODE_ID}. Every setter validates its value.
 */
public class ClusterOptions {

  /** The node id of a Vert.x instance that is not clustered. */
  public static final String DEFAULT_NODE_ID = "local";
  /** Default seconds between two presence announcements of an instance. */
  public static final double DEFAULT_PRESENCE_INTERVAL = 0.5;
  /** Default seconds without an announcement after which an instance of a clustered node counts as gone. */
  public static final double DEFAULT_PRESENCE_TIMEOUT = 3.0;
  /** Default samples of a session between two snapshots of its detector state (clustered mode only). */
  public static final int DEFAULT_SNAPSHOT_INTERVAL = 200;
  /** Default attempts of a request whose owner was lost before it answered (the first one included). */
  public static final int DEFAULT_REQUEST_ATTEMPTS = 3;

  private String nodeId = DEFAULT_NODE_ID;
  private double presenceInterval = DEFAULT_PRESENCE_INTERVAL;
  private double presenceTimeout = DEFAULT_PRESENCE_TIMEOUT;
  private int snapshotInterval = DEFAULT_SNAPSHOT_INTERVAL;
  private int requestAttempts = DEFAULT_REQUEST_ATTEMPTS;

  /** Options with every default. */
  public ClusterOptions() {
  }

  /**
   * @param json the {@code cluster} section of the configuration, or {@code null}; absent keys keep their defaults
   */
  public ClusterOptions(JsonObject json) {
    JsonObject section = json == null ? new JsonObject() : json;
    setNodeId(section.getString("node_id", DEFAULT_NODE_ID));
    setPresenceInterval(section.getDouble("presence_interval", DEFAULT_PRESENCE_INTERVAL));
    setPresenceTimeout(section.getDouble("presence_timeout", DEFAULT_PRESENCE_TIMEOUT));
    setSnapshotInterval(section.getInteger("snapshot_interval", DEFAULT_SNAPSHOT_INTERVAL));
    setRequestAttempts(section.getInteger("request_attempts", DEFAULT_REQUEST_ATTEMPTS));
    validate();
  }

  /**
   * Checks the settings that bound each other, once all are set.
   *
   * @return this
   * @throws IllegalArgumentException naming both settings and their values
   */
  public ClusterOptions validate() {
    if (presenceTimeout <= presenceInterval) {
      throw new IllegalArgumentException("presence_timeout (" + presenceTimeout + ") must be longer than "
          + "presence_interval (" + presenceInterval + "): live instances would be taken for dead between two "
          + "announcements");
    }
    return this;
  }

  /** @return the options as the {@code cluster} section of the configuration */
  public JsonObject toJson() {
    return new JsonObject().put("node_id", nodeId).put("presence_interval", presenceInterval)
        .put("presence_timeout", presenceTimeout).put("snapshot_interval", snapshotInterval)
        .put("request_attempts", requestAttempts);
  }

  /** @return the id of the cluster node the verticles run on */
  public String getNodeId() {
    return nodeId;
  }

  /**
   * @param nodeId the cluster node's id, as its cluster manager reports it
   * @return this
   */
  public ClusterOptions setNodeId(String nodeId) {
    if (nodeId == null || nodeId.isBlank()) {
      throw new IllegalArgumentException("node_id must not be empty");
    }
    this.nodeId = nodeId;
    return this;
  }

  /** @return seconds between two presence announcements */
  public double getPresenceInterval() {
    return presenceInterval;
  }

  /**
   * @param seconds seconds between two presence announcements, from 0.05 to 60
   * @return this
   */
  public ClusterOptions setPresenceInterval(double seconds) {
    if (!(seconds >= 0.05 && seconds <= 60)) {
      throw new IllegalArgumentException("presence_interval must be between 0.05 and 60 seconds, got " + seconds);
    }
    this.presenceInterval = seconds;
    return this;
  }

  /** @return seconds of silence after which an instance on a clustered node counts as gone */
  public double getPresenceTimeout() {
    return presenceTimeout;
  }

  /**
   * @param seconds seconds of silence before an instance counts as gone, from 0.2 to 600
   * @return this
   */
  public ClusterOptions setPresenceTimeout(double seconds) {
    if (!(seconds >= 0.2 && seconds <= 600)) {
      throw new IllegalArgumentException("presence_timeout must be between 0.2 and 600 seconds, got " + seconds);
    }
    this.presenceTimeout = seconds;
    return this;
  }

  /** @return samples of a session between two snapshots of its detector state; 0 turns snapshots off */
  public int getSnapshotInterval() {
    return snapshotInterval;
  }

  /**
   * @param samples samples between two snapshots of a session, 0 (none) to 1,000,000
   * @return this
   */
  public ClusterOptions setSnapshotInterval(int samples) {
    if (samples < 0 || samples > 1_000_000) {
      throw new IllegalArgumentException("snapshot_interval must be between 0 and 1000000 samples, got " + samples);
    }
    this.snapshotInterval = samples;
    return this;
  }

  /** @return attempts of a request whose owner was lost before answering, the first included */
  public int getRequestAttempts() {
    return requestAttempts;
  }

  /**
   * @param attempts attempts of a request whose owner was lost, 1 (no retry) to 10
   * @return this
   */
  public ClusterOptions setRequestAttempts(int attempts) {
    if (attempts < 1 || attempts > 10) {
      throw new IllegalArgumentException("request_attempts must be between 1 and 10, got " + attempts);
    }
    this.requestAttempts = attempts;
    return this;
  }

  /** @return the presence interval in milliseconds */
  public long presenceIntervalMillis() {
    return Math.max(1L, Math.round(presenceInterval * 1000));
  }

  /** @return the presence timeout in milliseconds */
  public long presenceTimeoutMillis() {
    return Math.max(1L, Math.round(presenceTimeout * 1000));
  }
}
