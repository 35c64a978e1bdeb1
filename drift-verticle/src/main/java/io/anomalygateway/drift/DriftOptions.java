package io.anomalygateway.drift;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.anomalygateway.drift.stats.MultipleTesting;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.OnDrift;
import io.anomalygateway.runtime.config.Fraction;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * Settings of the drift verticle: the {@code drift} section of the configuration. The window sizes are bounded by
 * {@code max_window_size}, the recent samples each session keeps.
 */
public record DriftOptions(
    @JsonPropertyDescription("samples in a session's reference window (the first ones, or those after a reset or "
        + "detection)")
    @Range(min = 20, max = 100_000) int referenceSize,
    @JsonPropertyDescription("recent samples a `drift` request compares by default")
    @Range(min = 10, max = 100_000) int windowSize,
    @JsonPropertyDescription("largest `window_size`: recent samples kept per session")
    @Range(min = 10, max = 100_000) int maxWindowSize,
    @JsonPropertyDescription("default method of a `drift` request")
    @NotNull DriftMethod method,
    @JsonPropertyDescription("default significance level of a `drift` request, after correction")
    @Fraction(includingOne = false, message = "must be above 0 and below 1") double alpha,
    @JsonPropertyDescription("correction across features: `bonferroni` or `benjamini_hochberg`")
    @NotNull MultipleTesting correction,
    @JsonPropertyDescription("quantile bins of the PSI")
    @Range(min = 2, max = 100) int psiBins,
    @JsonPropertyDescription("PSI above which a feature is drifted")
    @DecimalMin(value = "0", inclusive = false, message = "must be above 0") double psiThreshold,
    @JsonPropertyDescription("samples between two checks of continuous monitoring")
    @Range(min = 1, max = 1_000_000) int checkInterval,
    @JsonPropertyDescription("default `drift_monitor` of new sessions")
    @NotNull DriftMethod monitor,
    @JsonPropertyDescription("recent samples continuous monitoring compares (and a refit keeps)")
    @Range(min = 10, max = 100_000) int monitorWindowSize,
    @JsonPropertyDescription("significance level of continuous monitoring, after correction")
    @Fraction(includingOne = false, message = "must be above 0 and below 1") double monitorAlpha,
    @JsonPropertyDescription("consecutive positive checks before a drift is declared (window tests)")
    @Range(min = 1, max = 100) int monitorConfirmations,
    @JsonPropertyDescription("default `on_drift` of new sessions")
    @NotNull OnDrift onDrift,
    @JsonPropertyDescription("sessions watched; beyond, the least recently active one is dropped")
    @Range(min = 1, max = Integer.MAX_VALUE) int maxSessions,
    @JsonPropertyDescription("time without samples after which a session's drift state is dropped")
    @DurationMin(millis = 1, message = "must be positive") Duration sessionIdleTimeout) {

  /** Only {@code max_window_size} recent samples are kept, so no window can be longer. */
  @JsonIgnore
  @AssertTrue(message = "window_size must be at most max_window_size")
  public boolean isWindowWithinMax() {
    return windowSize <= maxWindowSize;
  }

  /** Only {@code max_window_size} recent samples are kept, so no window can be longer. */
  @JsonIgnore
  @AssertTrue(message = "monitor_window_size must be at most max_window_size")
  public boolean isMonitorWindowWithinMax() {
    return monitorWindowSize <= maxWindowSize;
  }
}
