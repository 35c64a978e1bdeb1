package io.anomalygateway.gateway;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.ProcessingMode;
import io.anomalygateway.protocol.wire.ReadLimits;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * Settings of the gateway verticle: the {@code gateway} section of the configuration. The packaged defaults hold
 * every key; see {@code docs/configuration.md} for each one's meaning.
 */
public record GatewayOptions(
    @JsonPropertyDescription("interface to listen on (`--host`)")
    @NotBlank String host,
    @JsonPropertyDescription("port to listen on (`--port`); `0` picks a free one")
    @Range(min = 0, max = 65535) int port,
    @JsonPropertyDescription("open WebSocket connections per node; more get HTTP 503")
    @Min(1) int maxConnections,
    @JsonPropertyDescription("largest message in bytes; larger ones close the connection with 1009")
    @Range(min = 1024, max = 1 << 30) int maxMessageSize,
    @JsonPropertyDescription("rows per `batch` (and the largest `batch_size`)")
    @Range(min = 1, max = 1_000_000) int maxBatchSize,
    @JsonPropertyDescription("values per sample")
    @Range(min = 1, max = Short.MAX_VALUE) int maxDimensions,
    @JsonPropertyDescription("characters of `session_id`, `client_id` and `request_id`")
    @Range(min = 1, max = 4096) int maxIdLength,
    @JsonPropertyDescription("silence from a connection after which it is closed")
    @DurationMin(millis = 1, message = "must be positive") Duration connectionTimeout,
    @JsonPropertyDescription("how long a request may wait for the detector before `TIMEOUT`")
    @DurationMin(millis = 1, message = "must be positive") Duration requestTimeout,
    @JsonPropertyDescription("processing mode of new connections: `realtime` or `batch`")
    @NotNull ProcessingMode processingMode,
    @JsonPropertyDescription("samples per batch in batch mode, for new connections")
    @Min(1) int batchSize,
    @JsonPropertyDescription("how long a partial batch waits before it is sent in batch mode, for new connections")
    @DurationMin(millis = 1, message = "must be positive")
    @DurationMax(seconds = 60, message = "must be at most 60s") Duration batchTimeout,
    @JsonPropertyDescription("bytes a connection's outbound queue may hold before topic events to it are dropped")
    @Range(min = 4096, max = 1 << 30) int maxWriteQueue,
    @JsonPropertyDescription("how long a subscriber may stay over its outbound limit before it is disconnected (1008)")
    @DurationMin(millis = 1, message = "must be positive") Duration slowConsumerTimeout,
    @JsonPropertyDescription("time between two `stats` events of a gateway")
    @DurationMin(millis = 1, message = "must be positive") Duration statsInterval,
    @JsonPropertyDescription("`anomalies`, `alerts` and `drift` events kept per session and topic for subscribers "
        + "that come back with `since` (0: none)")
    @Range(min = 0, max = 100_000) int topicHistorySize,
    @JsonPropertyDescription("how long such an event is kept")
    @DurationMin(millis = 1, message = "must be positive") Duration topicHistoryAge,
    @JsonPropertyDescription("how long a shutdown waits for in-flight requests to be answered before closing "
        + "connections anyway")
    @DurationMin(millis = 1, message = "must be positive") Duration shutdownTimeout,
    @JsonPropertyDescription("silence from a client after which the server pings it (WebSocket ping); `0s` never")
    @DurationMin(millis = 0, message = "must not be negative") Duration pingInterval,
    @JsonPropertyDescription("how long the server waits for the answer to its ping before closing the connection "
        + "with 4408")
    @DurationMin(millis = 1, message = "must be positive") Duration pingTimeout) {

  /** A default batch larger than any accepted batch could never be sent. */
  @JsonIgnore
  @AssertTrue(message = "batch_size must be at most max_batch_size")
  public boolean isBatchSizeWithinMax() {
    return batchSize <= maxBatchSize;
  }

  /** @return the limits the request reader enforces */
  public ReadLimits readLimits() {
    return new ReadLimits(maxBatchSize, maxDimensions, maxIdLength);
  }

  /** @return the processing settings new connections start with */
  public ConnectionSettings connectionDefaults() {
    return new ConnectionSettings(processingMode, batchSize, batchTimeout.toMillis() / 1000.0);
  }
}
