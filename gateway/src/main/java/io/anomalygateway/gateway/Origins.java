package io.anomalygateway.gateway;

import io.vertx.core.MultiMap;

import java.util.List;

/**
 * The browser-origin check against cross-site WebSocket hijacking: a request that carries an {@code Origin} header
 * must come from the server's own origin or from one of {@code allowed_origins}. Clients that are not browsers send
 * no {@code Origin} and are not affected.
 */
final class Origins {

  private final List<String> allowed;

  Origins(List<String> allowed) {
    this.allowed = allowed;
  }

  boolean allow(MultiMap headers) {
    String origin = headers.get("Origin");
    if (origin == null || allowed.contains(origin)) {
      return true;
    }
    String host = headers.get("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
