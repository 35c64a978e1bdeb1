package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Admission;
import io.anomalygateway.gateway.security.Principal;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.Identifiers;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.ResponseType;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code /api/v1/streaming/enhanced/{session_id}}: checks the upgrade request, authenticates its token, takes a
 * connection slot and turns the request into a {@link Connection}. Refusals happen before the upgrade, with a plain
 * HTTP status and no detail: 400 for bad ids, 403 for a foreign origin or a session the token may not open, 401 for
 * a missing, invalid or expired token, 429 over the limits per address or per token, 503 when
 * {@code max_connections} are open.
 */
final class StreamingEndpoint {

  private final Gateway gateway;
  private final Consumer<Connection> opened;
  private final Origins origins;

  StreamingEndpoint(Gateway gateway, Consumer<Connection> opened) {
    this.gateway = gateway;
    this.opened = opened;
    this.origins = new Origins(gateway.security().allowedOrigins());
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String sessionId = ctx.pathParam("session_id");
    String clientId = request.getParam("client_id");
    if (!request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
      refuse(ctx, 400, "This endpoint only accepts WebSocket upgrades.");
    } else if (!isValidId(sessionId)) {
      refuse(ctx, 400, "Invalid session_id: use 1 to " + gateway.options().maxIdLength()
          + " " + Identifiers.RULE);
    } else if (clientId != null && !isValidId(clientId)) {
      refuse(ctx, 400, "Invalid client_id: use 1 to " + gateway.options().maxIdLength()
          + " " + Identifiers.RULE);
    } else if (!origins.allow(request.headers())) {
      refuse(ctx, 403, "This origin may not connect.");
    } else {
      // Authentication is asynchronous: the request must not be read meanwhile, or the upgrade fails.
      request.pause();
      gateway.authenticator().authenticate(bearer(request)).onComplete(done -> {
        if (done.failed()) {
          refuse(ctx, 401, "Unauthorized.");
        } else {
          admit(ctx, done.result(), sessionId, clientId != null ? clientId : UUID.randomUUID().toString());
        }
      });
    }
  }

  /** The client's IP address, the key of the limits per address. */
  static String clientAddress(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  /** The token of the {@code Authorization: Bearer} header, or of the {@code token} query parameter. */
  static String bearer(HttpServerRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    return request.getParam("token");
  }

  private void admit(RoutingContext ctx, Principal principal, String sessionId, String clientId) {
    HttpServerRequest request = ctx.request();
    if (!principal.mayOpen(sessionId)) {
      refuse(ctx, 403, "This token may not open this session.");
      return;
    }
    String address = clientAddress(request);
    Admission admission = gateway.registry().admission();
    Admission.Refusal refusal = admission.admit(address, principal.tokenId(), sessionId, System.nanoTime());
    if (refusal == Admission.Refusal.TOO_MANY_NEW_SESSIONS) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER,
          Long.toString(admission.secondsUntilNewSessions(principal.tokenId(), System.nanoTime())));
      refuse(ctx, 429, ErrorCode.CAPACITY_EXCEEDED.code() + ": this token opened its "
          + gateway.registry().capacity().newSessionsPerMinute() + " new sessions of this minute.");
      return;
    }
    if (refusal != Admission.Refusal.NONE) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "60");
      refuse(ctx, 429, refusal == Admission.Refusal.TOO_MANY_SESSIONS ? "This token has too many open sessions."
          : "Too many connections from this address; try again later.");
      return;
    }
    if (!gateway.registry().admitting()) {
      admission.release(address, principal.tokenId(), sessionId);
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
      refuse(ctx, 503, "The server is shutting down; connect to another one.");
      return;
    }
    if (!gateway.registry().reserve()) {
      admission.release(address, principal.tokenId(), sessionId);
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
      refuse(ctx, 503, "The server has reached its maximum number of connections; try again later.");
      return;
    }
    request.toWebSocket().onComplete(done -> {
      if (done.failed()) {
        gateway.registry().release();
        admission.release(address, principal.tokenId(), sessionId);
        return;
      }
      Connection connection = new Connection(done.result(), sessionId, clientId, principal, address, gateway);
      opened.accept(connection);
      connection.open(welcome(sessionId, clientId, principal));
    });
  }

  private String welcome(String sessionId, String clientId, Principal principal) {
    GatewayOptions options = gateway.options();
    JsonObject fields = new JsonObject()
        .put("session_id", sessionId)
        .put("client_id", clientId)
        .put("role", principal.role().claim())
        .put("protocol_version", "1.0")
        .put("algorithms", new JsonArray(Arrays.stream(Algorithm.values()).map(Algorithm::wireName).toList()))
        .put("message_types", new JsonArray(Arrays.stream(RequestType.values()).map(RequestType::wireName)
            .toList()))
        .put("config", gateway.connectionDefaults().toJson())
        .put("limits", new JsonObject()
            .put("max_message_size", options.maxMessageSize())
            .put("max_batch_size", options.maxBatchSize())
            .put("max_dimensions", options.maxDimensions())
            .put("connection_timeout", seconds(options.connectionTimeout()))
            .put("ping_interval", seconds(options.pingInterval()))
            .put("ping_timeout", seconds(options.pingTimeout())));
    return ResponseWriter.message(ResponseType.WELCOME, null, ServerClock.timestamp(), fields);
  }

  /** The protocol states durations in seconds. */
  private static double seconds(java.time.Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private boolean isValidId(String id) {
    return Identifiers.isValid(id, gateway.options().maxIdLength());
  }

  private static void refuse(RoutingContext ctx, int status, String reason) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(reason);
  }
}
