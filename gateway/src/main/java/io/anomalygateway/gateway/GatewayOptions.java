package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.SecurityOptions;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.ProcessingMode;
import io.anomalygateway.protocol.wire.ReadLimits;
import io.vertx.core.json.JsonObject;

/**
 * Settings of the gateway verticle. Keys are those of the {@code gateway} section of the configuration file; every
 * setter validates its value.
 */
public class GatewayOptions {

  /** Default interface to listen on. */
  public static final String DEFAULT_HOST = "0.0.0.0";
  /** Default port. */
  public static final int DEFAULT_PORT = 8000;
  /** Default largest number of open WebSocket connections; upgrades beyond it get HTTP 503. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;
  /** Default largest message, in bytes (10 MB); larger ones close the connection with status 1009. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 10 * 1024 * 1024;
  /** Default largest number of rows in a batch. */
  public static final int DEFAULT_MAX_BATCH_SIZE = ReadLimits.DEFAULT.maxBatchRows();
  /** Default largest number of values in a sample. */
  public static final int DEFAULT_MAX_DIMENSIONS = ReadLimits.DEFAULT.maxDimensions();
  /** Default longest request, session or client id. */
  public static final int DEFAULT_MAX_ID_LENGTH = ReadLimits.DEFAULT.maxIdLength();
  /** Default seconds without any message after which a connection is closed. */
  public static final double DEFAULT_CONNECTION_TIMEOUT = 60.0;
  /** Default seconds a request may wait for the detector. */
  public static final double DEFAULT_REQUEST_TIMEOUT = 30.0;
  /** Default processing mode of new connections. */
  public static final ProcessingMode DEFAULT_PROCESSING_MODE = ProcessingMode.REALTIME;
  /** Default samples per batch in batch mode. */
  public static final int DEFAULT_BATCH_SIZE = 50;
  /** Default seconds after which a partial batch is sent in batch mode. */
  public static final double DEFAULT_BATCH_TIMEOUT = 1.0;
  /** Default bytes a connection's outbound queue may hold before topic events to it are dropped. */
  public static final int DEFAULT_MAX_WRITE_QUEUE = 1024 * 1024;
  /** Default seconds a subscriber may stay over its outbound limit before it is disconnected. */
  public static final double DEFAULT_SLOW_CONSUMER_TIMEOUT = 10.0;
  /** Default seconds between two {@code stats} topic events. */
  public static final double DEFAULT_STATS_INTERVAL = 5.0;
  /** Default number of events kept per session and topic, for subscribers that reconnect. */
  public static final int DEFAULT_TOPIC_HISTORY_SIZE = 100;
  /** Default seconds a shutdown waits for in-flight requests to be answered before closing connections anyway. */
  public static final double DEFAULT_SHUTDOWN_TIMEOUT = 10.0;
  /** Default seconds an event is kept for subscribers that reconnect. */
  public static final double DEFAULT_TOPIC_HISTORY_AGE = 120.0;
  /** Default seconds of silence from a peer after which the server pings it (WebSocket ping frame). */
  public static final double DEFAULT_PING_INTERVAL = 30.0;
  /** Default seconds the server waits for the answer to its ping before closing the connection. */
  public static final double DEFAULT_PING_TIMEOUT = 10.0;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private int maxConnections = DEFAULT_MAX_CONNECTIONS;
  private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
  private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
  private int maxDimensions = DEFAULT_MAX_DIMENSIONS;
  private int maxIdLength = DEFAULT_MAX_ID_LENGTH;
  private double connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
  private double requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private int maxWriteQueue = DEFAULT_MAX_WRITE_QUEUE;
  private double slowConsumerTimeout = DEFAULT_SLOW_CONSUMER_TIMEOUT;
  private double statsInterval = DEFAULT_STATS_INTERVAL;
  private int topicHistorySize = DEFAULT_TOPIC_HISTORY_SIZE;
  private double shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
  private double topicHistoryAge = DEFAULT_TOPIC_HISTORY_AGE;
  private double pingInterval = DEFAULT_PING_INTERVAL;
  private double pingTimeout = DEFAULT_PING_TIMEOUT;
  private SecurityOptions security = new SecurityOptions();
  private ClusterOptions cluster = new ClusterOptions();
  private ConnectionSettings connectionDefaults = new ConnectionSettings(DEFAULT_PROCESSING_MODE, DEFAULT_BATCH_SIZE,
      DEFAULT_BATCH_TIMEOUT);

  /** Options with every default. */
  public GatewayOptions() {
  }

  /**
   * @param json the {@code gateway} section of the configuration; absent keys keep their defaults
   */
  public GatewayOptions(JsonObject json) {
    setHost(json.getString("host", DEFAULT_HOST));
    setPort(json.getInteger("port", DEFAULT_PORT));
    setMaxConnections(json.getInteger("max_connections", DEFAULT_MAX_CONNECTIONS));
    setMaxMessageSize(json.getInteger("max_message_size", DEFAULT_MAX_MESSAGE_SIZE));
    setMaxBatchSize(json.getInteger("max_batch_size", DEFAULT_MAX_BATCH_SIZE));
    setMaxDimensions(json.getInteger("max_dimensions", DEFAULT_MAX_DIMENSIONS));
    setMaxIdLength(json.getInteger("max_id_length", DEFAULT_MAX_ID_LENGTH));
    setConnectionTimeout(json.getDouble("connection_timeout", DEFAULT_CONNECTION_TIMEOUT));
    setRequestTimeout(json.getDouble("request_timeout", DEFAULT_REQUEST_TIMEOUT));
    setMaxWriteQueue(json.getInteger("max_write_queue", DEFAULT_MAX_WRITE_QUEUE));
    setSlowConsumerTimeout(json.getDouble("slow_consumer_timeout", DEFAULT_SLOW_CONSUMER_TIMEOUT));
    setStatsInterval(json.getDouble("stats_interval", DEFAULT_STATS_INTERVAL));
    setTopicHistorySize(json.getInteger("topic_history_size", DEFAULT_TOPIC_HISTORY_SIZE));
    setShutdownTimeout(json.getDouble("shutdown_timeout", DEFAULT_SHUTDOWN_TIMEOUT));
    setTopicHistoryAge(json.getDouble("topic_history_age", DEFAULT_TOPIC_HISTORY_AGE));
    setPingInterval(json.getDouble("ping_interval", DEFAULT_PING_INTERVAL));
    setPingTimeout(json.getDouble("ping_timeout", DEFAULT_PING_TIMEOUT));
    setSecurity(new SecurityOptions(json.getJsonObject("security", new JsonObject())));
    setCluster(new ClusterOptions(json.getJsonObject("cluster")));
    setConnectionDefaults(new ConnectionSettings(
        ProcessingMode.ofWireName(json.getString("processing_mode", DEFAULT_PROCESSING_MODE.wireName())),
        json.getInteger("batch_size", DEFAULT_BATCH_SIZE), json.getDouble("batch_timeout", DEFAULT_BATCH_TIMEOUT)));
    validate();
  }

  /**
   * Checks the settings that bound each other, once all are set, so that the order of the setters (or of the keys
   * in a file) does not matter.
   *
   * @return this
   * @throws IllegalArgumentException naming both settings and their values
   */
  public GatewayOptions validate() {
    if (connectionDefaults.batchSize() > maxBatchSize) {
      throw new IllegalArgumentException("batch_size (" + connectionDefaults.batchSize() + ") must be at most "
          + "max_batch_size (" + maxBatchSize + ")");
    }
    return this;
  }

  /** @return the options as the {@code gateway} section of the configuration */
  public JsonObject toJson() {
    return new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("max_connections", maxConnections)
        .put("max_message_size", maxMessageSize)
        .put("max_batch_size", maxBatchSize)
        .put("max_dimensions", maxDimensions)
        .put("max_id_length", maxIdLength)
        .put("connection_timeout", connectionTimeout)
        .put("request_timeout", requestTimeout)
        .put("max_write_queue", maxWriteQueue)
        .put("slow_consumer_timeout", slowConsumerTimeout)
        .put("stats_interval", statsInterval)
        .put("topic_history_size", topicHistorySize)
        .put("shutdown_timeout", shutdownTimeout)
        .put("topic_history_age", topicHistoryAge)
        .put("ping_interval", pingInterval)
        .put("ping_timeout", pingTimeout)
        .put("security", security.toJson())
        .put("cluster", cluster.toJson())
        .mergeIn(connectionDefaults.toJson());
  }

  /** @return the limits the request reader enforces */
  public ReadLimits readLimits() {
    return new ReadLimits(maxBatchSize, maxDimensions, maxIdLength);
  }

  /** @return the interface to listen on */
  public String getHost() {
    return host;
  }

  /**
   * @param host the interface to listen on
   * @return this
   */
  public GatewayOptions setHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    this.host = host;
    return this;
  }

  /** @return the port; 0 picks a free one */
  public int getPort() {
    return port;
  }

  /**
   * @param port the port, 0 to 65535 (0 picks a free one)
   * @return this
   */
  public GatewayOptions setPort(int port) {
    this.port = requireRange("port", port, 0, 65535);
    return this;
  }

  /** @return the largest number of open WebSocket connections */
  public int getMaxConnections() {
    return maxConnections;
  }

  /**
   * @param maxConnections the largest number of open WebSocket connections, at least 1
   * @return this
   */
  public GatewayOptions setMaxConnections(int maxConnections) {
    this.maxConnections = requireRange("max_connections", maxConnections, 1, Integer.MAX_VALUE);
    return this;
  }

  /** @return the largest message in bytes */
  public int getMaxMessageSize() {
    return maxMessageSize;
  }

  /**
   * @param maxMessageSize the largest message in bytes, 1 KB to 1 GB
   * @return this
   */
  public GatewayOptions setMaxMessageSize(int maxMessageSize) {
    this.maxMessageSize = requireRange("max_message_size", maxMessageSize, 1024, 1 << 30);
    return this;
  }

  /** @return the largest number of rows in a batch */
  public int getMaxBatchSize() {
    return maxBatchSize;
  }

  /**
   * @param maxBatchSize the largest number of rows in a batch, at least 1
   * @return this
   */
  public GatewayOptions setMaxBatchSize(int maxBatchSize) {
    this.maxBatchSize = requireRange("max_batch_size", maxBatchSize, 1, 1_000_000);
    return this;
  }

  /** @return the largest number of values in a sample */
  public int getMaxDimensions() {
    return maxDimensions;
  }

  /**
   * @param maxDimensions the largest number of values in a sample, 1 to 32,767
   * @return this
   */
  public GatewayOptions setMaxDimensions(int maxDimensions) {
    this.maxDimensions = requireRange("max_dimensions", maxDimensions, 1, Short.MAX_VALUE);
    return this;
  }

  /** @return the longest accepted id */
  public int getMaxIdLength() {
    return maxIdLength;
  }

  /**
   * @param maxIdLength the longest accepted request, session or client id, 1 to 4,096
   * @return this
   */
  public GatewayOptions setMaxIdLength(int maxIdLength) {
    this.maxIdLength = requireRange("max_id_length", maxIdLength, 1, 4096);
    return this;
  }

  /** @return seconds without any message after which a connection is closed */
  public double getConnectionTimeout() {
    return connectionTimeout;
  }

  /**
   * @param connectionTimeout seconds without any message after which a connection is closed, positive
   * @return this
   */
  public GatewayOptions setConnectionTimeout(double connectionTimeout) {
    this.connectionTimeout = requirePositive("connection_timeout", connectionTimeout);
    return this;
  }

  /** @return seconds a request may wait for the detector */
  public double getRequestTimeout() {
    return requestTimeout;
  }

  /**
   * @param requestTimeout seconds a request may wait for the detector, positive
   * @return this
   */
  public GatewayOptions setRequestTimeout(double requestTimeout) {
    this.requestTimeout = requirePositive("request_timeout", requestTimeout);
    return this;
  }

  /** @return bytes a connection's outbound queue may hold before topic events to it are dropped */
  public int getMaxWriteQueue() {
    return maxWriteQueue;
  }

  /**
   * @param maxWriteQueue bytes a connection's outbound queue may hold before topic events to it are dropped,
   *     4 KB to 1 GB
   * @return this
   */
  public GatewayOptions setMaxWriteQueue(int maxWriteQueue) {
    this.maxWriteQueue = requireRange("max_write_queue", maxWriteQueue, 4096, 1 << 30);
    return this;
  }

  /** @return seconds a subscriber may stay over its outbound limit before it is disconnected */
  public double getSlowConsumerTimeout() {
    return slowConsumerTimeout;
  }

  /**
   * @param slowConsumerTimeout seconds a subscriber may stay over its outbound limit, positive
   * @return this
   */
  public GatewayOptions setSlowConsumerTimeout(double slowConsumerTimeout) {
    this.slowConsumerTimeout = requirePositive("slow_consumer_timeout", slowConsumerTimeout);
    return this;
  }

  /** @return seconds between two {@code stats} topic events */
  public double getStatsInterval() {
    return statsInterval;
  }

  /**
   * @param statsInterval seconds between two {@code stats} topic events, positive
   * @return this
   */
  public GatewayOptions setStatsInterval(double statsInterval) {
    this.statsInterval = requirePositive("stats_interval", statsInterval);
    return this;
  }
  /** @return seconds a shutdown waits for in-flight requests before closing connections anyway */
  public double getShutdownTimeout() {
    return shutdownTimeout;
  }

  /**
   * @param seconds how long a shutdown waits for every in-flight request to be answered, positive
   * @return these options
   */
  public GatewayOptions setShutdownTimeout(double seconds) {
    this.shutdownTimeout = requirePositive("shutdown_timeout", seconds);
    return this;
  }

  /** @return events kept per session and topic for subscribers that reconnect */
  public int getTopicHistorySize() {
    return topicHistorySize;
  }

  /**
   * @param size events kept per session and topic (anomalies, alerts, drift) for subscribers that reconnect with
   *     {@code since}; 0 keeps none
   * @return these options
   */
  public GatewayOptions setTopicHistorySize(int size) {
    if (size < 0 || size > 100_000) {
      throw new IllegalArgumentException("topic_history_size must be between 0 and 100000, got " + size);
    }
    this.topicHistorySize = size;
    return this;
  }

  /** @return seconds an event is kept for subscribers that reconnect */
  public double getTopicHistoryAge() {
    return topicHistoryAge;
  }

  /**
   * @param seconds how long an event is kept for subscribers that reconnect, positive
   * @return these options
   */
  public GatewayOptions setTopicHistoryAge(double seconds) {
    this.topicHistoryAge = requirePositive("topic_history_age", seconds);
    return this;
  }


  /** @return seconds of silence from a peer after which the server pings it; 0 when the server never pings */
  public double getPingInterval() {
    return pingInterval;
  }

  /**
   * @param seconds seconds of silence from a peer (no message, no frame) after which the server sends it a
   *     WebSocket ping; 0 turns server pings off
   * @return this
   */
  public GatewayOptions setPingInterval(double seconds) {
    if (seconds != 0) {
      requirePositive("ping_interval", seconds);
    }
    this.pingInterval = seconds;
    return this;
  }

  /** @return seconds the server waits for the answer to its ping */
  public double getPingTimeout() {
    return pingTimeout;
  }

  /**
   * @param seconds seconds the server waits for any frame after its ping before it closes the connection with
   *     {@code 4408}, positive
   * @return this
   */
  public GatewayOptions setPingTimeout(double seconds) {
    this.pingTimeout = requirePositive("ping_timeout", seconds);
    return this;
  }

  /** @return authentication, authorisation and limits */
  public SecurityOptions getSecurity() {
    return security;
  }

  /**
   * @param security authentication, authorisation and limits
   * @return this
   */
  public GatewayOptions setSecurity(SecurityOptions security) {
    this.security = java.util.Objects.requireNonNull(security, "security");
    return this;
  }

  /** @return how the gateway finds the instances that own sessions, and fails over */
  public ClusterOptions getCluster() {
    return cluster;
  }

  /**
   * @param cluster presence timing and failover attempts (the {@code cluster} section)
   * @return this
   */
  public GatewayOptions setCluster(ClusterOptions cluster) {
    this.cluster = java.util.Objects.requireNonNull(cluster, "cluster");
    return this;
  }

  /** @return the settings new connections start with */
  public ConnectionSettings getConnectionDefaults() {
    return connectionDefaults;
  }

  /**
   * @param connectionDefaults the settings new connections start with
   * @return this
   */
  public GatewayOptions setConnectionDefaults(ConnectionSettings connectionDefaults) {
    this.connectionDefaults = java.util.Objects.requireNonNull(connectionDefaults, "connectionDefaults");
    return this;
  }

  private static int requireRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private static double requirePositive(String key, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(key + " must be a positive number of seconds, got " + value);
    }
    return value;
  }
}
