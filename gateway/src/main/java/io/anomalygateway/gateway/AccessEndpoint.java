package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/**
 * {@code GET /api/v1/streaming/access[?session=ID]}: what the bearer's token permits, as the server judges it, so
 * that a page (the dashboard) asks the event-bus bridge only for what it may have instead of re-implementing the
 * rules. The token comes as for the WebSocket endpoint ({@code Authorization: Bearer} or {@code ?token=}); a
 * missing or invalid one gets 401. Each call counts against {@code connections_per_ip_per_minute}, like an upgrade.
 */
final class AccessEndpoint {

  private final Gateway gateway;

  AccessEndpoint(Gateway gateway) {
    this.gateway = gateway;
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!gateway.registry().admission().attempt(StreamingEndpoint.clientAddress(request), System.nanoTime())) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "60");
      answer(ctx, 429, new JsonObject().put("error", "Too many attempts from this address; try again later."));
      return;
    }
    String session = request.getParam("session");
    gateway.authenticator().authenticate(StreamingEndpoint.bearer(request)).onComplete(done -> {
      if (done.failed()) {
        answer(ctx, 401, new JsonObject().put("error", "The token is missing, invalid or expired."));
      } else {
        answer(ctx, 200, describe(done.result(), session));
      }
    });
  }

  private static JsonObject describe(Principal principal, String session) {
    JsonObject access = new JsonObject()
        .put("subject", principal.subject())
        .put("role", principal.role().claim())
        .put("sessions", principal.sessions() == null ? null : new JsonArray(principal.sessions()))
        .put("all_sessions", principal.role().seesAllSessions())
        .put("expires_at", principal.expiresAt() == Long.MAX_VALUE ? null
            : Instant.ofEpochSecond(principal.expiresAt()).toString());
    if (session != null) {
      access.put("session", session).put("session_permitted", principal.mayOpen(session));
    }
    return access;
  }

  private static void answer(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.encode());
  }
}
