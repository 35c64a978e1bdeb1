package io.anomalygateway.alerts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * Settings of the alerts verticle: the {@code alerts} section of the configuration.
 *
 * @param rulesFile the rules: a file path, or the file packaged in the jar
 * @param reloadInterval time between two checks of the rules file for changes
 * @param idleTimeout how long a quiet session's or node's alert state is kept
 */
public record AlertsOptions(
    @JsonPropertyDescription("the alert rules: a file path, or the file packaged in the jar")
    @NotBlank String rulesFile,
    @JsonPropertyDescription("time between two checks of the rules file for changes")
    @DurationMin(millis = 1, message = "must be positive") Duration reloadInterval,
    @JsonPropertyDescription("how long a quiet session's or node's alert state is kept")
    @DurationMin(millis = 1, message = "must be positive") Duration idleTimeout) {
}
