package io.anomalygateway.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers of scored samples. */
public final class SampleIds {

  private SampleIds() {
  }

  /**
   * A random (version 4) UUID from a thread-local generator: sample ids need uniqueness, not secrecy, and
   * {@link UUID#randomUUID()} would contend on a shared secure generator once per sample.
   *
   * @return a new sample id
   */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
