package io.anomalygateway.protocol;

import io.vertx.core.json.JsonObject;

/**
 * The detector settings of one session, shared by all its clients. Immutable and always valid: the constructor
 * rejects out-of-range values with {@link ErrorCode#INVALID_CONFIG}.
 *
 * @param algorithm the algorithm used when a sample names none
 * @param bufferSize the capacity of each model's sliding buffer
 * @param minSamples samples needed before the first fit (at most {@code bufferSize})
 * @param refitInterval new samples between refits
 * @param contamination expected share of anomalies in (0, 0.5]: the decision threshold is the
 *     {@code 1 - contamination} quantile of the training buffer's scores
 * @param seed the seed of the models' random choices: equal seeds and data give equal models
 * @param shingleSize for {@code random_cut_forest}, how many consecutive samples form one point (1 = none): lets
 *     a univariate time series be judged by its recent shape rather than by single values
 */
public record SessionSettings(Algorithm algorithm, int bufferSize, int minSamples, int refitInterval,
                              double contamination, long seed, int shingleSize) {

  /** Smallest accepted {@code buffer_size} and {@code min_samples}. */
  public static final int MIN_SAMPLES_LOWER_BOUND = 10;
  /** Largest accepted {@code buffer_size}: bounds a session's memory. */
  public static final int MAX_BUFFER_SIZE = 100_000;
  /** Largest accepted {@code refit_interval}. */
  public static final int MAX_REFIT_INTERVAL = 10_000_000;
  /** Largest accepted {@code shingle_size}. */
  public static final int MAX_SHINGLE_SIZE = 64;

  /** Validates the settings. */
  public SessionSettings {
    if (algorithm == null) {
      throw ConfigUpdate.invalid("'algorithm' is required.");
    }
    if (bufferSize < MIN_SAMPLES_LOWER_BOUND || bufferSize > MAX_BUFFER_SIZE) {
      throw ConfigUpdate.invalid("'buffer_size' must be between " + MIN_SAMPLES_LOWER_BOUND + " and "
          + MAX_BUFFER_SIZE + ", got " + bufferSize + ".");
    }
    if (minSamples < MIN_SAMPLES_LOWER_BOUND || minSamples > bufferSize) {
      throw ConfigUpdate.invalid("'min_samples' (" + minSamples + ") must be between " + MIN_SAMPLES_LOWER_BOUND
          + " and 'buffer_size' (" + bufferSize + ").");
    }
    if (refitInterval < 1 || refitInterval > MAX_REFIT_INTERVAL) {
      throw ConfigUpdate.invalid("'refit_interval' must be between 1 and " + MAX_REFIT_INTERVAL + ", got "
          + refitInterval + ".");
    }
    if (!(contamination > 0 && contamination <= 0.5)) {
      throw ConfigUpdate.invalid("'contamination' must be greater than 0 and at most 0.5, got " + contamination
          + ".");
    }
    if (shingleSize < 1 || shingleSize > MAX_SHINGLE_SIZE) {
      throw ConfigUpdate.invalid("'shingle_size' must be between 1 and " + MAX_SHINGLE_SIZE + ", got "
          + shingleSize + ".");
    }
  }

  /**
   * @param update the changes; {@code null} components keep the current values
   * @return the settings after the update
   * @throws ProtocolException with {@link ErrorCode#INVALID_CONFIG} when the result is invalid
   */
  public SessionSettings apply(ConfigUpdate update) {
    return new SessionSettings(
        update.algorithm() != null ? update.algorithm() : algorithm,
        update.bufferSize() != null ? update.bufferSize() : bufferSize,
        update.minSamples() != null ? update.minSamples() : minSamples,
        update.refitInterval() != null ? update.refitInterval() : refitInterval,
        update.contamination() != null ? update.contamination() : contamination,
        update.seed() != null ? update.seed() : seed,
        update.shingleSize() != null ? update.shingleSize() : shingleSize);
  }

  /**
   * @param other the settings before a change
   * @return whether settings that shape a model (contamination, seed, shingle size) differ
   */
  public boolean reshapesModelsComparedTo(SessionSettings other) {
    return contamination != other.contamination || seed != other.seed || shingleSize != other.shingleSize;
  }

  /** @return the settings as JSON, with the wire names of {@code config} */
  public JsonObject toJson() {
    return new JsonObject()
        .put("algorithm", algorithm.wireName())
        .put("buffer_size", bufferSize)
        .put("min_samples", minSamples)
        .put("refit_interval", refitInterval)
        .put("contamination", contamination)
        .put("seed", seed)
        .put("shingle_size", shingleSize);
  }

  /**
   * @param json settings as written by {@link #toJson()}
   * @return the settings
   */
  public static SessionSettings fromJson(JsonObject json) {
    return new SessionSettings(Algorithm.ofWireName(json.getString("algorithm")), json.getInteger("buffer_size"),
        json.getInteger("min_samples"), json.getInteger("refit_interval"), json.getDouble("contamination"),
        json.getLong("seed"), json.getInteger("shingle_size", 1));
  }
}
