package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.wire.Request;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SockJS event-bus bridge for browsers at {@code /eventbus/*}, default deny: a browser may register on topic
 * addresses only (every session's, or one session's) and send only to the gateway's public request address, where
 * its message is handled as the WebSocket protocol's request would be. Topic events to a browser that does not
 * read fast enough are dropped, as for WebSocket subscribers.
 */
final class EventBusBridge {

  /** The route of the bridge. */
  static final String PATH = "/eventbus/*";

  private static final Set<RequestType> BRIDGE_TYPES = EnumSet.of(RequestType.SAMPLE, RequestType.BATCH,
      RequestType.STATS, RequestType.PING, RequestType.DRIFT);
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9._:~-]+");

  private final Gateway gateway;

  EventBusBridge(Gateway gateway) {
    this.gateway = gateway;
  }

  Router router() {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.GATEWAY_REQUEST))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(Topic.addressPattern()));
    return SockJSHandler.create(gateway.vertx(), new SockJSHandlerOptions()).bridge(options, this::onEvent);
  }

  /** Listens on the public request address; the future completes once the consumer is registered. */
  Future<Void> start() {
    return gateway.vertx().eventBus().consumer(Addresses.GATEWAY_REQUEST, this::onRequest).completion();
  }

  private void onEvent(BridgeEvent event) {
    if (event.type() == BridgeEventType.SOCKET_CREATED) {
      event.socket().setWriteQueueMaxSize(gateway.options().getMaxWriteQueue());
    } else if (event.type() == BridgeEventType.RECEIVE && event.socket().writeQueueFull()) {
      gateway.registry().countDropped();
      event.complete(false);
      return;
    }
    event.complete(true);
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
    BridgeExchange exchange = new BridgeExchange(message, session instanceof String ? (String) session : null,
        gateway.options().getConnectionDefaults());
    try {
      if (!(session instanceof String) || ((String) session).length() > gateway.options().getMaxIdLength()
          || !SESSION.matcher((String) session).matches()) {
        throw new ProtocolException(ErrorCode.INVALID_FIELD, "'session_id' must be 1 to "
            + gateway.options().getMaxIdLength() + " letters, digits or . _ : ~ -");
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
}
