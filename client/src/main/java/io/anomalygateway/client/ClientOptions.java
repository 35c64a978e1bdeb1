package io.anomalygateway.client;

import io.anomalygateway.protocol.Identifiers;
import io.anomalygateway.protocol.ProcessingMode;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How an {@link AnomalyClient} connects, reconnects and queues. Setters validate and return this object, so options
 * read as one expression; {@link #toJson()} and {@link #ClientOptions(JsonObject)} use the same keys as docs/clients.md.
 */
public final class ClientOptions {

  /** Default gateway URL. */
  public static final String DEFAULT_URL = "ws://localhost:8000";
  /** Reconnect forever by default: a producer should outlive any gateway restart. */
  public static final int DEFAULT_RECONNECT_ATTEMPTS = -1;
  /** Default first delay before reconnecting, in milliseconds. */
  public static final long DEFAULT_INITIAL_BACKOFF = 100;
  /** Default longest delay between two reconnect attempts, in milliseconds. */
  public static final long DEFAULT_MAX_BACKOFF = 10_000;
  /** Default share of each delay drawn at random, so that clients of a dead gateway do not return in step. */
  public static final double DEFAULT_JITTER = 0.5;
  /** Default milliseconds between two pings on an idle connection. */
  public static final long DEFAULT_PING_INTERVAL = 15_000;
  /** Default milliseconds without any message from the server after a ping before the connection is given up. */
  public static final long DEFAULT_PING_TIMEOUT = 10_000;
  /** Default milliseconds a request may take, queueing and resends included. */
  public static final long DEFAULT_REQUEST_TIMEOUT = 30_000;
  /** Default largest number of requests waiting for a connection. */
  public static final int DEFAULT_MAX_QUEUE_SIZE = 10_000;
  /**
   * Default largest number of requests sent and not answered yet. Keep it below the server's {@code dedup_window}
   * (256 by default), so that every request resent after a reconnect is still recognised there.
   */
  public static final int DEFAULT_MAX_IN_FLIGHT = 128;
  /** Default policy when the queue is full. */
  public static final OverflowPolicy DEFAULT_OVERFLOW_POLICY = OverflowPolicy.REJECT;

  private String url = DEFAULT_URL;
  private String sessionId = "default";
  private String clientId = UUID.randomUUID().toString();
  private Supplier<String> token;
  private int reconnectAttempts = DEFAULT_RECONNECT_ATTEMPTS;
  private long initialBackoff = DEFAULT_INITIAL_BACKOFF;
  private long maxBackoff = DEFAULT_MAX_BACKOFF;
  private double jitter = DEFAULT_JITTER;
  private long pingInterval = DEFAULT_PING_INTERVAL;
  private long pingTimeout = DEFAULT_PING_TIMEOUT;
  private long requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
  private OverflowPolicy overflowPolicy = DEFAULT_OVERFLOW_POLICY;
  private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
  private String processingMode;
  private int batchSize = 50;
  private double batchTimeout = 1.0;

  /** Options with every default. */
  public ClientOptions() {
  }

  /**
   * @param json options by their keys in docs/clients.md; absent keys keep their defaults
   */
  public ClientOptions(JsonObject json) {
    setUrl(json.getString("url", DEFAULT_URL));
    setSessionId(json.getString("session_id", sessionId));
    setClientId(json.getString("client_id", clientId));
    String fixedToken = json.getString("token");
    if (fixedToken != null) {
      setToken(fixedToken);
    }
    setReconnectAttempts(json.getInteger("reconnect_attempts", DEFAULT_RECONNECT_ATTEMPTS));
    setInitialBackoff(json.getLong("initial_backoff", DEFAULT_INITIAL_BACKOFF));
    setMaxBackoff(json.getLong("max_backoff", DEFAULT_MAX_BACKOFF));
    setJitter(json.getDouble("jitter", DEFAULT_JITTER));
    setPingInterval(json.getLong("ping_interval", DEFAULT_PING_INTERVAL));
    setPingTimeout(json.getLong("ping_timeout", DEFAULT_PING_TIMEOUT));
    setRequestTimeout(json.getLong("request_timeout", DEFAULT_REQUEST_TIMEOUT));
    setMaxQueueSize(json.getInteger("max_queue_size", DEFAULT_MAX_QUEUE_SIZE));
    setOverflowPolicy(OverflowPolicy.of(json.getString("overflow_policy", DEFAULT_OVERFLOW_POLICY.wireName())));
    setMaxInFlight(json.getInteger("max_in_flight", DEFAULT_MAX_IN_FLIGHT));
    if (json.getString("processing_mode") != null) {
      setProcessingMode(json.getString("processing_mode"), json.getInteger("batch_size", batchSize),
          json.getDouble("batch_timeout", batchTimeout));
    }
  }

  /** @return the options by their keys in docs/clients.md (without the token) */
  public JsonObject toJson() {
    return new JsonObject().put("url", url).put("session_id", sessionId).put("client_id", clientId)
        .put("reconnect_attempts", reconnectAttempts).put("initial_backoff", initialBackoff)
        .put("max_backoff", maxBackoff).put("jitter", jitter).put("ping_interval", pingInterval)
        .put("ping_timeout", pingTimeout).put("request_timeout", requestTimeout)
        .put("max_queue_size", maxQueueSize).put("overflow_policy", overflowPolicy.wireName())
        .put("max_in_flight", maxInFlight).put("processing_mode", processingMode).put("batch_size", batchSize)
        .put("batch_timeout", batchTimeout);
  }

  /** @return the gateway's base URL, {@code ws://host:port} or {@code wss://host:port} */
  public String getUrl() {
    return url;
  }

  /**
   * @param url the gateway's base URL, {@code ws://} or {@code wss://}
   * @return these options
   */
  public ClientOptions setUrl(String url) {
    URI uri = URI.create(Objects.requireNonNull(url, "url"));
    if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("url must be ws://host[:port] or wss://host[:port], got " + url);
    }
    this.url = url;
    return this;
  }

  /** @return the session the client streams to */
  public String getSessionId() {
    return sessionId;
  }

  /**
   * @param sessionId the session the client streams to (1 to 256 letters, digits or {@code . _ : ~ -})
   * @return these options
   */
  public ClientOptions setSessionId(String sessionId) {
    this.sessionId = requireId(sessionId, "session_id");
    return this;
  }

  /** @return the client's id: the same across reconnects, so that the server recognises resent requests */
  public String getClientId() {
    return clientId;
  }

  /**
   * @param clientId the client's id; keep it across restarts of the application only if request ids are too
   * @return these options
   */
  public ClientOptions setClientId(String clientId) {
    this.clientId = requireId(clientId, "client_id");
    return this;
  }

  /** @return where the bearer token comes from at each connection, or {@code null} without authentication */
  public Supplier<String> getToken() {
    return token;
  }

  /**
   * @param token the bearer token sent with every connection
   * @return these options
   */
  public ClientOptions setToken(String token) {
    Objects.requireNonNull(token, "token");
    this.token = () -> token;
    return this;
  }

  /**
   * @param token asked for a token at every (re)connection, so that a long-lived client never uses an expired one
   * @return these options
   */
  public ClientOptions setToken(Supplier<String> token) {
    this.token = Objects.requireNonNull(token, "token");
    return this;
  }

  /** @return reconnect attempts after a connection is lost, {@code -1} for unlimited */
  public int getReconnectAttempts() {
    return reconnectAttempts;
  }

  /**
   * @param attempts reconnect attempts after a connection is lost ({@code -1}: unlimited; {@code 0}: never)
   * @return these options
   */
  public ClientOptions setReconnectAttempts(int attempts) {
    if (attempts < -1) {
      throw new IllegalArgumentException("reconnect_attempts must be -1 (unlimited) or more, got " + attempts);
    }
    this.reconnectAttempts = attempts;
    return this;
  }

  public long getInitialBackoff() {
    return initialBackoff;
  }

  /**
   * @param millis the delay before the first reconnect attempt; each next one doubles, up to the maximum
   * @return these options
   */
  public ClientOptions setInitialBackoff(long millis) {
    this.initialBackoff = requirePositive(millis, "initial_backoff");
    return this;
  }

  /**
   * The same as {@link #setInitialBackoff(long)}, with the unit in the type, as the server's configuration writes
   * durations.
   *
   * @param duration the delay before the first reconnect attempt, at least a millisecond
   * @return these options
   */
  public ClientOptions setInitialBackoff(Duration duration) {
    return setInitialBackoff(duration.toMillis());
  }

  public long getMaxBackoff() {
    return maxBackoff;
  }

  /**
   * @param millis the longest delay between two reconnect attempts
   * @return these options
   */
  public ClientOptions setMaxBackoff(long millis) {
    this.maxBackoff = requirePositive(millis, "max_backoff");
    return this;
  }

  /**
   * The same as {@link #setMaxBackoff(long)}, with the unit in the type, as the server's configuration writes
   * durations.
   *
   * @param duration the longest delay between two reconnect attempts, at least a millisecond
   * @return these options
   */
  public ClientOptions setMaxBackoff(Duration duration) {
    return setMaxBackoff(duration.toMillis());
  }

  public double getJitter() {
    return jitter;
  }

  /**
   * @param jitter the share of each delay drawn at random (0: none, 1: anywhere from 0 to the delay)
   * @return these options
   */
  public ClientOptions setJitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
    this.jitter = jitter;
    return this;
  }

  public long getPingInterval() {
    return pingInterval;
  }

  /**
   * @param millis the time between two pings; keeps the connection from the server's idle timeout
   * @return these options
   */
  public ClientOptions setPingInterval(long millis) {
    this.pingInterval = requirePositive(millis, "ping_interval");
    return this;
  }

  /**
   * The same as {@link #setPingInterval(long)}, with the unit in the type, as the server's configuration writes
   * durations.
   *
   * @param duration the time between two pings, at least a millisecond
   * @return these options
   */
  public ClientOptions setPingInterval(Duration duration) {
    return setPingInterval(duration.toMillis());
  }

  public long getPingTimeout() {
    return pingTimeout;
  }

  /**
   * @param millis how long after a ping without any message from the server the connection is taken for dead
   * @return these options
   */
  public ClientOptions setPingTimeout(long millis) {
    this.pingTimeout = requirePositive(millis, "ping_timeout");
    return this;
  }

  /**
   * The same as {@link #setPingTimeout(long)}, with the unit in the type, as the server's configuration writes
   * durations.
   *
   * @param duration how long after a ping without any message the connection is taken for dead, at least a millisecond
   * @return these options
   */
  public ClientOptions setPingTimeout(Duration duration) {
    return setPingTimeout(duration.toMillis());
  }

  public long getRequestTimeout() {
    return requestTimeout;
  }

  /**
   * @param millis the longest a request may take, from the call to its answer, queueing and resends included
   * @return these options
   */
  public ClientOptions setRequestTimeout(long millis) {
    this.requestTimeout = requirePositive(millis, "request_timeout");
    return this;
  }

  /**
   * The same as {@link #setRequestTimeout(long)}, with the unit in the type, as the server's configuration writes
   * durations.
   *
   * @param duration the longest a request may take, queueing and resends included, at least a millisecond
   * @return these options
   */
  public ClientOptions setRequestTimeout(Duration duration) {
    return setRequestTimeout(duration.toMillis());
  }

  public int getMaxQueueSize() {
    return maxQueueSize;
  }

  /**
   * @param size the most requests waiting for a connection; beyond, the overflow policy applies
   * @return these options
   */
  public ClientOptions setMaxQueueSize(int size) {
    this.maxQueueSize = (int) requirePositive(size, "max_queue_size");
    return this;
  }

  public OverflowPolicy getOverflowPolicy() {
    return overflowPolicy;
  }

  /**
   * @param policy what a request does when the queue is full
   * @return these options
   */
  public ClientOptions setOverflowPolicy(OverflowPolicy policy) {
    this.overflowPolicy = Objects.requireNonNull(policy, "overflow_policy");
    return this;
  }

  public int getMaxInFlight() {
    return maxInFlight;
  }

  /**
   * @param max the most requests sent and not answered yet; the next ones wait in the queue
   * @return these options
   */
  public ClientOptions setMaxInFlight(int max) {
    this.maxInFlight = (int) requirePositive(max, "max_in_flight");
    return this;
  }

  /** @return the processing mode asked of the server at each connection, or {@code null} for the server's */
  public String getProcessingMode() {
    return processingMode;
  }

  /**
   * Asks the server, at each connection, to score samples one by one ({@code realtime}) or to gather them into
   * batches of {@code batchSize} or whatever arrived within {@code batchTimeout} seconds ({@code batch}): more
   * throughput for a little latency. Each sample still gets its own result.
   *
   * @return these options
   */
  public ClientOptions setProcessingMode(String mode, int batchSize, double batchTimeout) {
    if (Arrays.stream(ProcessingMode.values()).noneMatch(known -> known.wireName().equals(mode))) {
      throw new IllegalArgumentException("processing_mode must be realtime or batch, got " + mode);
    }
    this.batchSize = (int) requirePositive(batchSize, "batch_size");
    if (!(batchTimeout > 0)) {
      throw new IllegalArgumentException("batch_timeout must be positive, got " + batchTimeout);
    }
    this.processingMode = mode;
    this.batchTimeout = batchTimeout;
    return this;
  }

  /** @return the connection settings sent at each connection ({@code config}) */
  JsonObject connectionSettings() {
    return new JsonObject().put("processing_mode", processingMode).put("batch_size", batchSize)
        .put("batch_timeout", batchTimeout);
  }

  private static long requirePositive(long value, String key) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
    return value;
  }

  private static String requireId(String id, String key) {
    if (!Identifiers.isValid(id, Identifiers.DEFAULT_MAX_LENGTH)) {
      throw new IllegalArgumentException(key + " must be 1 to " + Identifiers.DEFAULT_MAX_LENGTH + " "
          + Identifiers.RULE + ", got " + id);
    }
    return id;
  }
}
