package io.anomalygateway.gateway;

import io.vertx.core.json.JsonObject;

/**
 * The TCP event-bus bridge's settings (the {@code tcp_bridge} section): off unless {@code enabled}, on loopback
 * unless told otherwise, and no frame over {@code max_frame_size} bytes.
 *
 * @param enabled whether the bridge listens
 * @param host the interface it listens on
 * @param port its port ({@code 0}: any free one)
 * @param maxFrameSize the largest frame body accepted; a larger one closes the connection
 */
public record TcpBridgeOptions(boolean enabled, String host, int port, int maxFrameSize) {

  /**
   * @param json the {@code tcp_bridge} section (every key present: the packaged defaults hold them all)
   * @throws IllegalArgumentException naming the key and the value
   */
  public static TcpBridgeOptions fromJson(JsonObject json) {
    JsonObject section = json == null ? new JsonObject() : json;
    TcpBridgeOptions options = new TcpBridgeOptions(section.getBoolean("enabled", false),
        section.getString("host", "127.0.0.1"), section.getInteger("port", 7000),
        section.getInteger("max_frame_size", 65536));
    if (options.port < 0 || options.port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + options.port);
    }
    if (options.maxFrameSize < 1024) {
      throw new IllegalArgumentException("max_frame_size must be at least 1024, got " + options.maxFrameSize);
    }
    if (options.host == null || options.host.isBlank()) {
      throw new IllegalArgumentException("host must name an interface, got '" + options.host + "'");
    }
    return options;
  }
}
