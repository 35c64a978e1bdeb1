package io.anomalygateway.gateway;

import java.time.Instant;

/** Timestamps of responses. */
final class ServerClock {

  private ServerClock() {
  }

  /** @return the current time in ISO-8601, UTC */
  static String timestamp() {
    return Instant.now().toString();
  }
}
