package io.anomalygateway.protocol;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;

/**
 * The settings a {@code config} message changes; a {@code null} component leaves that setting as it is.
 *
 * <p>Session settings (algorithm and model settings) are shared by every client of the session and owned by the
 * detector; connection settings ({@code processing_mode}, {@code batch_size}, {@code batch_timeout}) belong to the
 * connection that sent them.
 *
 * @param algorithm the session's default algorithm
 * @param bufferSize the size of the sliding buffer the model is fitted on
 * @param minSamples samples needed before the first fit
 * @param refitInterval new samples between refits
 * @param contamination expected share of anomalies, which sets the decision threshold
 * @param seed the seed of the model's random choices
 * @param shingleSize consecutive samples per point of a random cut forest
 * @param processingMode how the connection forwards samples
 * @param batchSize samples accumulated per connection in batch mode
 * @param batchTimeout seconds after which a partial batch is sent
 * @param onDrift what the session does when continuous monitoring detects drift
 * @param driftMonitor the method continuous drift monitoring uses for the session
 */
public record ConfigUpdate(Algorithm algorithm, Integer bufferSize, Integer minSamples, Integer refitInterval,
                           Double contamination, Long seed, Integer shingleSize, ProcessingMode processingMode,
                           Integer batchSize, Double batchTimeout, OnDrift onDrift, DriftMethod driftMonitor) {

  /** The keys a {@code config} object may contain. */
  public static final Set<String> KEYS = Set.of("algorithm", "buffer_size", "min_samples", "refit_interval",
      "contamination", "seed", "shingle_size", "processing_mode", "batch_size", "batch_timeout", "on_drift",
      "drift_monitor");

  /** An update that changes nothing. */
  public static final ConfigUpdate NONE = new ConfigUpdate(null, null, null, null, null, null, null, null, null,
      null, null, null);

  /**
   * Reads an update, checking keys and value types (ranges are checked where the update is applied).
   *
   * @param json the {@code config} object of a message, or {@code null}
   * @return the update
   * @throws ProtocolException with {@link ErrorCode#INVALID_CONFIG} for unknown keys or values of the wrong type
   */
  public static ConfigUpdate fromJson(JsonObject json) {
    if (json == null) {
      return NONE;
    }
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw invalid("Unknown setting '" + truncate(key) + "'; known settings: " + String.join(", ", KEYS.stream().sorted().toList()) + ".");
      }
    }
    Map<String, Object> map = json.getMap();
    String algorithm = string(map, "algorithm");
    String mode = string(map, "processing_mode");
    String onDrift = string(map, "on_drift");
    String monitor = string(map, "drift_monitor");
    return new ConfigUpdate(
        algorithm == null ? null : Algorithm.ofWireName(algorithm),
        integer(map, "buffer_size"), integer(map, "min_samples"), integer(map, "refit_interval"),
        number(map, "contamination"), longValue(map, "seed"), integer(map, "shingle_size"),
        mode == null ? null : ProcessingMode.ofWireName(mode),
        integer(map, "batch_size"), number(map, "batch_timeout"), onDrift == null ? null : OnDrift.ofWireName(onDrift),
        monitor == null ? null : DriftMethod.ofWireName(monitor));
  }

  /** @return true when the update changes a setting that the drift monitor owns */
  public boolean touchesDrift() {
    return onDrift != null || driftMonitor != null;
  }

  /** @return the update as a {@code config} object, holding only the settings it changes */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (algorithm != null) {
      json.put("algorithm", algorithm.wireName());
    }
    putIfSet(json, "buffer_size", bufferSize);
    putIfSet(json, "min_samples", minSamples);
    putIfSet(json, "refit_interval", refitInterval);
    putIfSet(json, "contamination", contamination);
    putIfSet(json, "seed", seed);
    putIfSet(json, "shingle_size", shingleSize);
    if (processingMode != null) {
      json.put("processing_mode", processingMode.wireName());
    }
    putIfSet(json, "batch_size", batchSize);
    putIfSet(json, "batch_timeout", batchTimeout);
    if (onDrift != null) {
      json.put("on_drift", onDrift.wireName());
    }
    if (driftMonitor != null) {
      json.put("drift_monitor", driftMonitor.wireName());
    }
    return json;
  }

  private static void putIfSet(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  private static String string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw invalid("'" + key + "' must be a string.");
  }

  private static Double number(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number && Double.isFinite(((Number) value).doubleValue())) {
      return ((Number) value).doubleValue();
    }
    throw invalid("'" + key + "' must be a finite number.");
  }

  private static Long longValue(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw invalid("'" + key + "' must be an integer.");
  }

  private static Integer integer(Map<String, Object> map, String key) {
    Long value = longValue(map, key);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid("'" + key + "' is out of range.");
    }
    return value.intValue();
  }

  static ProtocolException invalid(String message) {
    return new ProtocolException(ErrorCode.INVALID_CONFIG, message);
  }

  private static String truncate(String key) {
    return key.length() <= 64 ? key : key.substring(0, 64) + "...";
  }
}
