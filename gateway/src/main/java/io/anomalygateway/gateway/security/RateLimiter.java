package io.anomalygateway.gateway.security;

/**
 * Token buckets of one connection: messages per second and samples per second, each holding one second's worth, so
 * a burst is allowed and a sustained excess is not. A connection is flooding when, within {@code flood_close_after}
 * seconds, more of its messages were refused than it may send in that time: it keeps sending at over twice its
 * rate regardless of the refusals.
 */
public final class RateLimiter {

  private final RateLimit limit;
  private final long floodNanos;
  private double messages;
  private double samples;
  private long refilledAt;
  private long windowStart;
  private long refusals;

  /**
   * @param limit the rates
   * @param floodCloseAfter continuous refusals for this long make a flood
   */
  public RateLimiter(RateLimit limit, java.time.Duration floodCloseAfter) {
    this.limit = limit;
    this.floodNanos = floodCloseAfter.toNanos();
    this.messages = limit.messagesPerSecond();
    this.samples = limit.samplesPerSecond();
    this.refilledAt = System.nanoTime();
    this.windowStart = refilledAt;
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
    return 0;
  }

  private long refused(long now, double waitSeconds) {
    if (now - windowStart > floodNanos) {
      windowStart = now;
      refusals = 0;
    }
    refusals++;
    return Math.max(1, (long) Math.ceil(waitSeconds * 1000));
  }

  /**
   * @param now the current {@link System#nanoTime()}
   * @return whether more messages were refused in the current flood window than the connection may send in it
   */
  public boolean flooding(long now) {
    return now - windowStart <= floodNanos && refusals > limit.messagesPerSecond() * floodNanos / 1e9;
  }
}
