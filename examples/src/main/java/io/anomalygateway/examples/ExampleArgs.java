package io.anomalygateway.examples;

import io.anomalygateway.client.ClientOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * The flags every example takes: {@code --url ws://localhost:8000 --session NAME --token T --samples N
 * --duration SECONDS}, and those of one example ({@link #intFlag}).
 *
 * @param url the gateway's base URL
 * @param session the session to stream to
 * @param token a bearer token, or {@code null} (a server started with {@code --no-auth})
 * @param samples how many samples to send
 * @param durationSeconds how long to run, for the examples that watch
 * @param flags every flag given, by name without the dashes
 */
record ExampleArgs(String url, String session, String token, int samples, double durationSeconds,
                   Map<String, String> flags) {

  static ExampleArgs parse(String[] args, String defaultSession, int defaultSamples, double defaultDuration) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected --flag value, got " + args[i]);
      }
      flags.put(args[i].substring(2), args[++i]);
    }
    return new ExampleArgs(flags.getOrDefault("url", "ws://localhost:8000"),
        flags.getOrDefault("session", defaultSession), flags.getOrDefault("token", System.getenv("ANOMALY_TOKEN")),
        Integer.parseInt(flags.getOrDefault("samples", Integer.toString(defaultSamples))),
        Double.parseDouble(flags.getOrDefault("duration", Double.toString(defaultDuration))), Map.copyOf(flags));
  }

  /** @return the whole-number flag {@code --name}, or {@code fallback} when it is absent */
  int intFlag(String name, int fallback) {
    return Integer.parseInt(flags.getOrDefault(name, Integer.toString(fallback)));
  }

  ClientOptions clientOptions() {
    ClientOptions options = new ClientOptions().setUrl(url).setSessionId(session);
    if (token != null) {
      options.setToken(token);
    }
    return options;
  }
}
