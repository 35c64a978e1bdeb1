package io.anomalygateway.gateway.security;

/**
 * Token buckets of one connection: messages per second and samples per second, each holding one second's worth, so
 * a burst is allowed and a sustained excess is not. A connection refused continuously for
 * {@code flood_close_after} seconds is flooding.
 */
public final class RateLimiter {

  private final RateLimit limit;
  private final long floodNanos;
  private double messages;
  private double samples;
  private long refilledAt;
  private long refusingSince = -1;

  /**
   * @param limit the rates
   * @param floodCloseAfterSeconds seconds of continuous refusals that make a flood
   */
  public RateLimiter(RateLimit limit, double floodCloseAfterSeconds) {
    this.limit = limit;
    this.floodNanos = Math.round(floodCloseAfterSeconds * 1e9);
    this.messages = limit.messagesPerSecond();
    this.samples = limit.samplesPerSecond();
    this.refilledAt = System.nanoTime();
  }

  /**
   * Counts one message.
   *
   * @param now the current {@link System#nanoTime()}
   * @return 0 when the message may pass, otherwise the milliseconds after which it would
   */
  public long acquireMessage(long now) {
    refill(now);
    if (messages >= 1) {
      messages -= 1;
      return allowed();
    }
    return refused(now, (1 - messages) / limit.messagesPerSecond());
  }

  /**
   * Counts the samples of a message that passed {@link #acquireMessage}.
   *
   * @param count the samples it carries
   * @param now the current {@link System#nanoTime()}
   * @return 0 when they may pass, otherwise the milliseconds after which they would
   */
  public long acquireSamples(int count, long now) {
    refill(now);
    if (samples >= count) {
      samples -= count;
      return allowed();
    }
    return refused(now, (Math.min(count, limit.samplesPerSecond()) - samples) / limit.samplesPerSecond());
  }

  private void refill(long now) {
    double elapsed = (now - refilledAt) / 1e9;
    refilledAt = now;
    messages = Math.min(limit.messagesPerSecond(), messages + elapsed * limit.messagesPerSecond());
    samples = Math.min(limit.samplesPerSecond(), samples + elapsed * limit.samplesPerSecond());
  }

  private long allowed() {
    refusingSince = -1;
    return 0;
  }

  private long refused(long now, double waitSeconds) {
    if (refusingSince < 0) {
      refusingSince = now;
    }
    return Math.max(1, (long) Math.ceil(waitSeconds * 1000));
  }

  /**
   * @param now the current {@link System#nanoTime()}
   * @return whether the connection has been refused continuously for longer than the flood limit
   */
  public boolean flooding(long now) {
    return refusingSince >= 0 && now - refusingSince > floodNanos;
  }
}
