package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.anomalygateway.gateway.security.RateLimiter;
import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.Topic;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.bridge.PermittedOptions;

import java.util.regex.Pattern;

/**
 * What a bridge client may do, for both event-bus bridges (SockJS for browsers, TCP for services): default deny,
 * built from the protocol's address declarations. A client may register only on topic addresses of the sessions its
 * token allows (every session's, for admins) and on the node addresses, and send only to the gateway's public
 * request address, within its role and rate limit; an accepted request carries the verified principal.
 */
final class BridgeRules {

  /** The header in which a bridge hands the verified principal to the request consumer. */
  static final String PRINCIPAL_HEADER = "anomaly-principal";

  private static final Pattern TOPIC = Pattern.compile(Topic.addressPattern());
  private static final Pattern NODE = Pattern.compile(Topic.nodeAddressPattern());

  private BridgeRules() {
  }

  /** @param options a bridge's options, to which the permitted addresses are added */
  static <T extends BridgeOptions> T permitted(T options) {
    options.addInboundPermitted(new PermittedOptions().setAddress(Addresses.GATEWAY_REQUEST))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(Topic.addressPattern()))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(Topic.nodeAddressPattern()));
    return options;
  }

  /**
   * Every session's topic address needs an admin; a session's own needs a token that may open it; node addresses
   * any valid token.
   */
  static boolean mayRegister(Principal principal, JsonObject message) {
    String address = message.getString("address", "");
    if (NODE.matcher(address).matches()) {
      return true;
    }
    if (!TOPIC.matcher(address).matches()) {
      return false;
    }
    String rest = address.substring(Topic.ADDRESS_PREFIX.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? principal.role().seesAllSessions() : principal.mayOpen(rest.substring(dot + 1));
  }

  /**
   * @return the message with the principal in its headers, when the principal may send it now; {@code null} when
   *     not (another address, a session or type its token does not permit, or over its rate limit)
   */
  static JsonObject maySend(Principal principal, RateLimiter limiter, JsonObject message) {
    Object body = message.getValue("body");
    if (!Addresses.GATEWAY_REQUEST.equals(message.getString("address")) || !(body instanceof JsonObject request)) {
      return null;
    }
    Object session = request.getValue("session_id");
    RequestType type = request.getValue("type") instanceof String name ? RequestType.ofWireName(name) : null;
    if (!(session instanceof String id) || !principal.mayOpen(id) || (type != null && !principal.may(type, false))
        || limiter.acquireMessage(System.nanoTime()) > 0) {
      return null;
    }
    JsonObject headers = message.getJsonObject("headers", new JsonObject());
    headers.remove("token");
    headers.put(PRINCIPAL_HEADER, principal.toJson().encode());
    return message.put("headers", headers);
  }

  /** @return the token a bridge message carries in its {@code token} header, or {@code null} */
  static String headerToken(JsonObject message) {
    JsonObject headers = message == null ? null : message.getJsonObject("headers");
    Object token = headers == null ? null : headers.getValue("token");
    return token instanceof String text ? text : null;
  }
}
