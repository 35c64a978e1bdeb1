package io.anomalygateway.detector;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.anomalygateway.detector.model.IsolationForestTrainer;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.runtime.config.Fraction;
import io.anomalygateway.runtime.config.Settings;
import io.vertx.core.json.JsonObject;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * Settings of the detector verticle: the defaults every new session starts with, the algorithms' parameters and the
 * resources the detector may use. Keys are those of the {@code detector} section of the configuration file.
 */
public record DetectorOptions(
    @JsonPropertyDescription("default algorithm of new sessions")
    @NotNull Algorithm algorithm,
    @JsonPropertyDescription("default sliding-buffer size of new sessions")
    @Range(min = SessionSettings.MIN_SAMPLES_LOWER_BOUND, max = SessionSettings.MAX_BUFFER_SIZE) int bufferSize,
    @JsonPropertyDescription("default rows before the first fit")
    @Range(min = SessionSettings.MIN_SAMPLES_LOWER_BOUND, max = SessionSettings.MAX_BUFFER_SIZE) int minSamples,
    @JsonPropertyDescription("default new rows between refits")
    @Range(min = 1, max = SessionSettings.MAX_REFIT_INTERVAL) int refitInterval,
    @JsonPropertyDescription("default expected share of anomalies")
    @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
    @DecimalMax(value = "0.5", message = "must be at most 0.5") double contamination,
    @JsonPropertyDescription("default seed of new sessions' models")
    long seed,
    @JsonPropertyDescription("trees per isolation forest")
    @Range(min = 1, max = 1000) int trees,
    @JsonPropertyDescription("rows per isolation tree")
    @Range(min = 2, max = IsolationForestTrainer.MAX_SUBSAMPLE) int subsample,
    @JsonPropertyDescription("random Fourier features of the one-class SVM")
    @Range(min = 10, max = 5000) int svmFeatures,
    @JsonPropertyDescription("nu of the one-class SVM (0.5 ranked anomalies best on the reference data sets)")
    @Fraction double svmNu,
    @JsonPropertyDescription("threads that fit models, apart from the threads that score")
    @Range(min = 1, max = 64) int fitThreads,
    @JsonPropertyDescription("sessions a detector holds; new ones beyond get `TOO_MANY_SESSIONS`")
    @Range(min = 1, max = Integer.MAX_VALUE) int maxSessions,
    @JsonPropertyDescription("time without a request after which a session is evicted")
    @DurationMin(millis = 1, message = "must be positive") Duration sessionIdleTimeout,
    @JsonPropertyDescription("features named in the explanation of an anomaly")
    @Range(min = 1, max = 100) int explanationFeatures,
    @JsonPropertyDescription("most rows the one-class SVM trains on (a random subset of larger buffers)")
    @Range(min = 100, max = SessionSettings.MAX_BUFFER_SIZE) int svmMaxFitRows,
    @JsonPropertyDescription("default shingle size of new sessions (`random_cut_forest` only)")
    @Range(min = 1, max = SessionSettings.MAX_SHINGLE_SIZE) int shingleSize,
    @JsonPropertyDescription("trees of a random cut forest")
    @Range(min = 1, max = 500) int rcfTrees,
    @JsonPropertyDescription("points each tree of a random cut forest keeps")
    @Range(min = 16, max = 4096) int rcfSampleSize,
    @JsonPropertyDescription("largest share of a core each fitting thread may take: after a fit of `d`, it rests "
        + "`d (1/share - 1)`, so refits never crowd out scoring (under load they become rarer)")
    @Fraction double fitCpuShare,
    @JsonPropertyDescription("share of an isolation forest's trees a refit grows anew on the buffer, the oldest "
        + "first; the others are kept, so a refit costs that share of a fit (the threshold is still computed on the "
        + "whole buffer). 1 refits the whole forest")
    @Fraction double refitTreeShare,
    @JsonProperty("rcf_z_factor")
    @JsonPropertyDescription("standard deviations of the scores above their mean at which the random cut forest's "
        + "threshold sits")
    @DecimalMin(value = "1", message = "must be at least 1")
    @DecimalMax(value = "10", message = "must be at most 10") double rcfZFactor,
    @JsonPropertyDescription("smallest anomaly grade (0 to 1), once weighted by its rarity, for which the random cut "
        + "forest flags a sample: NAB's corpus-wide optimal threshold for its standard profile")
    @Fraction double rcfMinGrade,
    @JsonPropertyDescription("samples after a random cut forest's alert within which a weaker alert is dropped")
    @Range(min = 0, max = 1_000_000) int rcfAlertGap,
    @JsonPropertyDescription("samples over which an earlier alert's weight on a new one decays by e")
    @DecimalMin(value = "1", message = "must be at least 1") double rcfAlertMemory,
    @JsonPropertyDescription("how much each earlier alert (decayed) divides a new alert's grade by; 0 weighs every "
        + "alert alike")
    @DecimalMin(value = "0", message = "must be at least 0")
    @DecimalMax(value = "100", message = "must be at most 100") double rcfRarityWeight,
    @JsonPropertyDescription("replies each session keeps by `client_id` + `request_id`: a `sample` or `batch` sent "
        + "again (after a reconnect) is answered with its first result, not scored twice; `0` turns it off")
    @Range(min = 0, max = 100_000) int dedupWindow) {

  /** @return the packaged defaults */
  public static DetectorOptions defaults() {
    return Settings.read(null, "detector", DetectorOptions.class);
  }

  /**
   * @param changes keys of the {@code detector} section that differ from the packaged defaults
   * @return the defaults with those changes
   * @throws io.anomalygateway.runtime.config.InvalidSettingsException naming the key and the value
   */
  public static DetectorOptions of(JsonObject changes) {
    return Settings.read(new JsonObject().put("detector", changes), "detector", DetectorOptions.class);
  }

  /** A session could never fit otherwise: its buffer would fill before it had enough rows. */
  @JsonIgnore
  @AssertTrue(message = "min_samples must be at most buffer_size")
  public boolean isMinSamplesWithinBuffer() {
    return minSamples <= bufferSize;
  }

  /** @return the settings new sessions start with */
  public SessionSettings sessionDefaults() {
    return new SessionSettings(algorithm, bufferSize, minSamples, refitInterval, contamination, seed, shingleSize);
  }
}
