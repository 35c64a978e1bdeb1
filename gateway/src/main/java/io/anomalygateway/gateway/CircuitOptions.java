package io.anomalygateway.gateway;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.anomalygateway.runtime.config.Settings;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * The {@code circuit} section: when the gateway stops sending to a worker instance that keeps failing, and when it
 * tries again.
 *
 * @param failures consecutive failures that open an instance's circuit
 * @param callTimeout how long one call may take before it counts as a failure
 * @param resetTimeout how long an open circuit waits before it lets one request through to try
 */
public record CircuitOptions(
    @JsonPropertyDescription("consecutive failures (timeouts, unavailable instances) that open an instance's circuit")
    @Min(1) int failures,
    @JsonPropertyDescription("how long one call to a worker instance may take before it counts as a failure")
    @DurationMin(millis = 1, message = "must be positive") Duration callTimeout,
    @JsonPropertyDescription("how long an open circuit waits before it lets one request through to try again")
    @DurationMin(millis = 1, message = "must be positive") Duration resetTimeout) {

  /** @return the packaged defaults */
  public static CircuitOptions defaults() {
    return Settings.read(null, "circuit", CircuitOptions.class);
  }
}
