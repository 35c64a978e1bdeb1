package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.anomalygateway.gateway.security.RateLimiter;

/**
 * What a bridge (SockJS or TCP) knows of one client: the principal its latest token gave, the rate limit of that
 * principal's role, and the timer that ends the client with its token.
 */
final class BridgeVisitor {

  private Principal principal;
  private final RateLimiter limiter;
  private final TokenExpiry expiry;

  /**
   * @param onExpiry ends the client when its token expires
   */
  BridgeVisitor(Gateway gateway, Principal principal, Runnable onExpiry) {
    this.principal = principal;
    this.limiter = new RateLimiter(gateway.security().rateLimit(principal.role()),
        gateway.security().floodCloseAfter());
    this.expiry = new TokenExpiry(gateway.vertx(), onExpiry);
    expiry.schedule(principal);
  }

  Principal principal() {
    return principal;
  }

  RateLimiter limiter() {
    return limiter;
  }

  /** A fresh token took over: its principal from now on, and its expiry. */
  void renew(Principal fresh) {
    principal = fresh;
    expiry.schedule(fresh);
  }

  /** The client has gone: no timer is left behind. */
  void leave() {
    expiry.cancel();
  }
}
