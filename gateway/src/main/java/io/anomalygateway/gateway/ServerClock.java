package io.anomalygateway.gateway;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Timestamps and sample ids for responses. */
final class ServerClock {

  private ServerClock() {
  }

  /** @return the current time in ISO-8601, UTC */
  static String timestamp() {
    return Instant.now().toString();
  }

  /**
   * A random (version 4) UUID from a thread-local generator: sample ids need uniqueness, not secrecy, and
   * {@link UUID#randomUUID()} would contend on a shared secure generator once per sample.
   *
   * @return a new sample id
   */
  static String sampleId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
