package io.anomalygateway.client;

import java.util.Random;

/**
 * The delays between reconnect attempts: exponential from the initial delay up to the maximum, each with a random
 * share ({@code jitter}) taken off, so that the clients of a gateway that died do not all come back at once.
 */
final class Backoff {

  private final long initial;
  private final long max;
  private final double jitter;
  private final Random random;

  Backoff(ClientOptions options, Random random) {
    this.initial = options.getInitialBackoff();
    this.max = Math.max(options.getMaxBackoff(), options.getInitialBackoff());
    this.jitter = options.getJitter();
    this.random = random;
  }

  /**
   * @param attempt the attempt about to be made, from 0
   * @return milliseconds to wait before it, at least 1
   */
  long delay(int attempt) {
    double ceiling = Math.min(max, initial * Math.pow(2, Math.min(attempt, 62)));
    return Math.max(1, Math.round(ceiling * (1 - jitter * random.nextDouble())));
  }
}
