package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.vertx.core.Vertx;

/**
 * Ends a peer with its token, even one that only listens: a timer at the token's {@code exp}, moved whenever a new
 * token takes over. Shared by WebSocket connections (closed with 4401) and bridge sockets (told, then closed), so
 * that neither outlives the token it was admitted with. Runs on the peer's context.
 */
final class TokenExpiry {

  private final Vertx vertx;
  private final Runnable onExpiry;
  private long timer = -1;

  /**
   * @param onExpiry ends the peer
   */
  TokenExpiry(Vertx vertx, Runnable onExpiry) {
    this.vertx = vertx;
    this.onExpiry = onExpiry;
  }

  /** Arms the timer for this token's {@code exp} (none for a token without one), replacing any earlier one. */
  void schedule(Principal principal) {
    cancel();
    if (principal.expiresAt() != Long.MAX_VALUE) {
      long millis = Math.max(1, principal.expiresAt() * 1000 - System.currentTimeMillis());
      timer = vertx.setTimer(millis, id -> {
        timer = -1;
        onExpiry.run();
      });
    }
  }

  /** The peer has gone: no timer is left behind. */
  void cancel() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
