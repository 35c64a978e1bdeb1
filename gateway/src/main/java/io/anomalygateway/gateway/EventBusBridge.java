package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.CloseCodes;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.Identifiers;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.wire.Request;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SockJS event-bus bridge for browsers at {@code /eventbus/*}, default deny. A socket is opened with a token
 * (query {@code ?token=}) from an allowed origin; each message may carry a fresh one in its {@code token} header.
 * A browser may register only on topic addresses of the sessions its token allows (every session's, for admins)
 * and on the node addresses (node-wide statistics and alerts, which every role may see: they carry no session's
 * data, and {@code stats} answers show a viewer the same figures), and send only to the gateway's public request
 * address, within its role and rate limit; the gateway then handles
 * the message as the WebSocket protocol's request, with the principal the bridge verified. Topic events to a
 * browser that does not read fast enough are dropped.
 */
final class EventBusBridge {

  /** The bridge error a browser gets when its token expires, just before its socket is closed. */
  static final String TOKEN_EXPIRED = "token_expired";

  private static final Set<RequestType> BRIDGE_TYPES = EnumSet.of(RequestType.SAMPLE, RequestType.BATCH,
      RequestType.STATS, RequestType.PING, RequestType.DRIFT);

  private final Gateway gateway;
  private final Origins origins;
  private final Map<SockJSSocket, BridgeVisitor> visitors = new HashMap<>();

  EventBusBridge(Gateway gateway) {
    this.gateway = gateway;
    this.origins = new Origins(gateway.security().allowedOrigins());
  }

  Router router() {
    SockJSBridgeOptions options = BridgeRules.permitted(new SockJSBridgeOptions());
    return SockJSHandler.create(gateway.vertx(), new SockJSHandlerOptions()).bridge(options, this::onEvent);
  }

  /** Listens on the public request address; the future completes once the consumer is registered. */
  Future<Void> start() {
    return gateway.vertx().eventBus().consumer(Addresses.GATEWAY_REQUEST, this::onRequest).completion();
  }

  private void onEvent(BridgeEvent event) {
    BridgeEventType type = event.type();
    if (type == BridgeEventType.SOCKET_CREATED) {
      open(event);
    } else if (type == BridgeEventType.SOCKET_CLOSED) {
      BridgeVisitor gone = visitors.remove(event.socket());
      if (gone != null) {
        gone.leave();
      }
      event.complete(true);
    } else if (type == BridgeEventType.RECEIVE) {
      boolean full = event.socket().writeQueueFull();
      if (full) {
        gateway.registry().countDropped();
        gateway.meters().dropped();
      }
      event.complete(!full);
    } else if (type == BridgeEventType.REGISTER || type == BridgeEventType.SEND) {
      BridgeVisitor visitor = visitors.get(event.socket());
      if (visitor == null) {
        event.complete(false);
        return;
      }
      String token = BridgeRules.headerToken(event.getRawMessage());
      Future<Principal> principal = token == null ? Future.succeededFuture(visitor.principal())
          : gateway.authenticator().authenticate(token).onSuccess(visitor::renew);
      principal.onComplete(done -> event.complete(done.succeeded()
          && !done.result().expiredAt(System.currentTimeMillis() / 1000)
          && (type == BridgeEventType.REGISTER ? BridgeRules.mayRegister(done.result(), event.getRawMessage())
              : maySend(done.result(), visitor, event))));
    } else {
      event.complete(type != BridgeEventType.PUBLISH);
    }
  }

  private void open(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    if (!origins.allow(socket.headers())) {
      event.complete(false);
      return;
    }
    List<String> token = new QueryStringDecoder(socket.uri()).parameters().get("token");
    gateway.authenticator().authenticate(token == null ? null : token.get(0)).onComplete(done -> {
          if (done.succeeded()) {
            visitors.put(socket, new BridgeVisitor(gateway, done.result(), () -> expire(socket)));
            socket.setWriteQueueMaxSize(gateway.options().maxWriteQueue());
          }
          event.complete(done.succeeded());
        });
  }

  /**
   * A browser's socket ends with its token, as a WebSocket connection does: at {@code exp} it gets the bridge error
   * {@code token_expired} (SockJS transports other than raw WebSocket lose a close status) and is closed, with 4401
   * where the transport carries it, even if it only listens, unless a message brought a fresh token first. Without
   * this, a page left open would go on receiving its sessions' events long after its token expired.
   */
  private static void expire(SockJSSocket socket) {
    socket.write(Buffer.buffer(new JsonObject().put("type", "err").put("body", TOKEN_EXPIRED).encode()));
    socket.close(CloseCodes.TOKEN_EXPIRED, "token expired");
  }

  private static boolean maySend(Principal principal, BridgeVisitor visitor, BridgeEvent event) {
    JsonObject permitted = BridgeRules.maySend(principal, visitor.limiter(), event.getRawMessage());
    if (permitted != null) {
      event.setRawMessage(permitted);
    }
    return permitted != null;
  }

  private void onRequest(Message<Object> message) {
    long receivedAt = System.nanoTime();
    if (!(message.body() instanceof JsonObject)) {
      message.reply(new JsonObject(ResponseWriter.error(null, ServerClock.timestamp(),
          new ProtocolError(ErrorCode.INVALID_MESSAGE, "The message must be a JSON object."))));
      return;
    }
    JsonObject body = ((JsonObject) message.body()).copy();
    Object session = body.remove("session_id");
    String principal = message.headers().get(BridgeRules.PRINCIPAL_HEADER);
    BridgeExchange exchange = new BridgeExchange(message, session instanceof String ? (String) session : null,
        principal != null ? Principal.fromJson(new JsonObject(principal)) : unverified(),
        gateway.connectionDefaults());
    try {
      if (!(session instanceof String id) || !Identifiers.isValid(id, gateway.options().maxIdLength())) {
        throw new ProtocolException(ErrorCode.INVALID_FIELD, "'session_id' must be 1 to "
            + gateway.options().maxIdLength() + " " + Identifiers.RULE);
      }
      Request request = gateway.reader().read(body.encode());
      if (!BRIDGE_TYPES.contains(request.type())) {
        throw new ProtocolException(ErrorCode.UNSUPPORTED_TYPE, "'" + request.type().wireName()
            + "' is not available over the event-bus bridge.");
      }
      gateway.handler().handle(exchange, request, receivedAt);
    } catch (ProtocolException e) {
      Object requestId = body.getValue("request_id");
      exchange.sendError(e.requestId() != null ? e.requestId() : requestId instanceof String ? (String) requestId
          : null, e.error());
    }
  }

  /**
   * A request on the public address that did not come through this bridge: trusted only when authentication is
   * off, since every browser's request passes the bridge's checks and carries its principal.
   */
  private Principal unverified() {
    return gateway.authenticator().enabled() ? new Principal("unverified", io.anomalygateway.gateway.security.Role
        .VIEWER, java.util.List.of(), 0, "unverified") : Principal.UNAUTHENTICATED;
  }

  /** @return the browsers connected through the bridge now */
  int sockets() {
    return visitors.size();
  }
}
