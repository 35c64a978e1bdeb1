package io.anomalygateway.protocol;

import io.vertx.core.json.JsonObject;

/**
 * How one connection forwards its samples to the detector. Immutable and always valid.
 *
 * @param processingMode realtime (each sample at once) or batch (accumulated per connection)
 * @param batchSize in batch mode, the number of samples sent together
 * @param batchTimeout in batch mode, seconds after the first pending sample at which a partial batch is sent
 */
public record ConnectionSettings(ProcessingMode processingMode, int batchSize, double batchTimeout) {

  /** Largest accepted {@code batch_timeout}, in seconds. */
  public static final double MAX_BATCH_TIMEOUT = 60.0;

  /** Validates the settings. */
  public ConnectionSettings {
    if (processingMode == null) {
      throw ConfigUpdate.invalid("'processing_mode' is required.");
    }
    if (batchSize < 1) {
      throw ConfigUpdate.invalid("'batch_size' must be at least 1, got " + batchSize + ".");
    }
    if (!(batchTimeout > 0 && batchTimeout <= MAX_BATCH_TIMEOUT)) {
      throw ConfigUpdate.invalid("'batch_timeout' must be greater than 0 and at most " + MAX_BATCH_TIMEOUT
          + " seconds, got " + batchTimeout + ".");
    }
  }

  /**
   * @param update the changes; {@code null} components keep the current values
   * @param maxBatchSize the largest batch the server accepts
   * @return the settings after the update
   * @throws ProtocolException with {@link ErrorCode#INVALID_CONFIG} when the result is invalid
   */
  public ConnectionSettings apply(ConfigUpdate update, int maxBatchSize) {
    ConnectionSettings next = new ConnectionSettings(
        update.processingMode() != null ? update.processingMode() : processingMode,
        update.batchSize() != null ? update.batchSize() : batchSize,
        update.batchTimeout() != null ? update.batchTimeout() : batchTimeout);
    if (next.batchSize > maxBatchSize) {
      throw ConfigUpdate.invalid("'batch_size' must be at most " + maxBatchSize + ", got " + next.batchSize + ".");
    }
    return next;
  }

  /** @return the settings as JSON, with the wire names of {@code config} */
  public JsonObject toJson() {
    return new JsonObject()
        .put("processing_mode", processingMode.wireName())
        .put("batch_size", batchSize)
        .put("batch_timeout", batchTimeout);
  }
}
