package io.anomalygateway.gateway;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.Range;

/**
 * The TCP event-bus bridge's settings (the {@code tcp_bridge} section): off unless {@code enabled}, on loopback
 * unless told otherwise, and no frame over {@code max_frame_size} bytes.
 *
 * @param enabled whether the bridge listens
 * @param host the interface it listens on
 * @param port its port ({@code 0}: any free one)
 * @param maxFrameSize the largest frame body accepted; a larger one closes the connection
 */
public record TcpBridgeOptions(
    @JsonPropertyDescription("whether the TCP event-bus bridge listens")
    boolean enabled,
    @JsonPropertyDescription("interface the TCP bridge listens on")
    @NotBlank String host,
    @JsonPropertyDescription("port of the TCP bridge; `0` picks a free one")
    @Range(min = 0, max = 65535) int port,
    @JsonPropertyDescription("largest frame body in bytes; a larger one closes the connection")
    @Min(1024) int maxFrameSize) {
}
