package io.anomalygateway.launcher;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The command line of the server: {@code [--port N] [--host H] [--config FILE]}.
 *
 * @param port the port to listen on, or {@code null} for the configured one
 * @param host the interface to listen on, or {@code null} for the configured one
 * @param configFile a configuration file laid over the defaults, or {@code null}
 * @param noAuth whether authentication is off (refused unless the host is a loopback address)
 */
record LaunchOptions(Integer port, String host, Path configFile, boolean noAuth) {

  static final String USAGE = String.join("\n",
      "Usage: java -jar anomaly-gateway.jar [--port N] [--host HOST] [--config FILE] [--no-auth]",
      "       java -jar anomaly-gateway.jar token --role viewer|producer|admin --sub NAME [--sessions a,b*] [--ttl 1h]",
      "       java -jar anomaly-gateway.jar score | nab | drift-eval ...   (offline evaluation; see the README)",
      "  --port N       port to listen on (default 8000; 0 picks a free port)",
      "  --host HOST    interface to listen on (default 0.0.0.0)",
      "  --config FILE  JSON configuration laid over the defaults packaged in the jar",
      "  --no-auth      no tokens needed: local experiments only, refused unless HOST is a loopback address",
      "  --help         print this help");

  /**
   * @param args the command-line arguments
   * @return the options
   * @throws IllegalArgumentException with a message for the user when an argument is wrong
   */
  static LaunchOptions parse(String[] args) {
    Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
    Integer port = null;
    String host = null;
    Path config = null;
    boolean noAuth = false;
    while (!queue.isEmpty()) {
      String arg = queue.poll();
      switch (arg) {
        case "--port":
          port = parsePort(value(queue, arg));
          break;
        case "--host":
          host = value(queue, arg);
          break;
        case "--config":
          config = Path.of(value(queue, arg));
          break;
        case "--no-auth":
          noAuth = true;
          break;
        default:
          throw new IllegalArgumentException("Unknown argument: " + arg);
      }
    }
    return new LaunchOptions(port, host, config, noAuth);
  }

  private static String value(Deque<String> queue, String flag) {
    String value = queue.poll();
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number from 0 to 65535, got " + text);
    }
  }
}
