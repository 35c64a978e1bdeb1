/** Delays between reconnect attempts and the pacing after refusals: the same policies as every client here. */

/** Exponential from `initial` to `max` ms, each delay shortened by a random share `jitter` (0 to 1). */
export function backoffDelay(attempt: number, initial: number, max: number, jitter: number,
                             random: () => number = Math.random): number {
  const ceiling = Math.min(Math.max(max, initial), initial * 2 ** Math.min(attempt, 62));
  return Math.max(1, ceiling * (1 - jitter * random()));
}

/** How long pacing lasts after the last refusal (ms): long enough to settle at the server's rate, no longer. */
const CALM = 1000;

/**
 * After a `RATE_LIMITED` answer the client sends at most one request per `retry_after_ms` (the time the gateway's
 * token bucket needs for one more request) until a second passes without a refusal. Without it the refused
 * requests would all go out again together and be refused again, and a gateway closes a connection that keeps
 * sending at over twice its rate. Times are in ms.
 */
export class Pacer {
  private interval = 0;
  private until = 0;
  private next = 0;

  refused(now: number, retryAfter: number): void {
    this.interval = Math.max(1, retryAfter);
    this.until = now + this.interval + CALM;
    this.next = Math.max(this.next, now + this.interval);
  }

  /** Milliseconds to wait before the next request may go; 0 when it may go now. */
  delay(now: number): number {
    return Math.max(0, this.next - now);
  }

  sent(now: number): void {
    if (now < this.until) {
      this.next = now + this.interval;
    }
  }
}

const MAX_MARGIN = 30_000;

/**
 * Milliseconds until a JWT should be refreshed: a third of its remaining lifetime before expiry, at most 30 s
 * before; undefined without a readable `exp` (the client never verifies tokens; the gateway does).
 */
export function refreshDelay(token: string, now: number): number | undefined {
  const expires = expiresAt(token);
  if (expires === undefined) {
    return undefined;
  }
  const lifetime = Math.max(0, expires - now);
  return Math.max(1, lifetime - Math.min(MAX_MARGIN, lifetime / 3));
}

/** Whether the token expires within the refresh margin, so that a new connection should not use it. */
export function expiring(token: string, now: number): boolean {
  const expires = expiresAt(token);
  return expires !== undefined && expires - now < MAX_MARGIN;
}

function expiresAt(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) {
    return undefined;
  }
  try {
    const text = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="));
    const exp = (JSON.parse(text) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
