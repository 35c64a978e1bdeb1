package io.anomalygateway.gateway.security;

import jakarta.validation.constraints.DecimalMin;

/**
 * The rates a role may send at, per connection: messages per second and samples per second, each with a burst of
 * one second's worth.
 *
 * @param messagesPerSecond messages per second
 * @param samplesPerSecond samples per second (a batch counts its rows)
 */
public record RateLimit(
    @DecimalMin(value = "0", inclusive = false, message = "must be above 0") double messagesPerSecond,
    @DecimalMin(value = "0", inclusive = false, message = "must be above 0") double samplesPerSecond) {
}
