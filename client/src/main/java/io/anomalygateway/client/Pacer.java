package io.anomalygateway.client;

/**
 * How fast a connection may send once the gateway has said it sends too fast. After a {@code RATE_LIMITED} answer
 * the client sends at most one request per {@code retry_after_ms} (the time the gateway's token bucket needs for one
 * more request) until a second passes without a refusal. Without it, the refused requests would all go out again
 * together and be refused again, and a gateway closes a connection that keeps sending at over twice its rate.
 * Times are in nanoseconds of {@link System#nanoTime()}.
 */
final class Pacer {

  /** How long pacing lasts after the last refusal: long enough to settle at the server's rate, no longer. */
  private static final long CALM_NANOS = 1_000_000_000L;

  private long interval;
  private long until = Long.MIN_VALUE;
  private long next = Long.MIN_VALUE;

  void refused(long now, long retryAfterNanos) {
    interval = Math.max(1_000_000L, retryAfterNanos);
    until = now + interval + CALM_NANOS;
    next = Math.max(next, now + interval);
  }

  /** @return nanoseconds to wait before the next request may go; 0 when it may go now */
  long delay(long now) {
    return next == Long.MIN_VALUE ? 0 : Math.max(0, next - now);
  }

  void sent(long now) {
    if (until != Long.MIN_VALUE && now - until < 0) {
      next = now + interval;
    }
  }
}
