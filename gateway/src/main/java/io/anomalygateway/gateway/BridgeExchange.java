package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * One request a browser sent through the event-bus bridge, answered by replying to its message with the response
 * object the WebSocket protocol would have sent. Such a peer has no connection state: it always works in real time.
 */
final class BridgeExchange implements Peer {

  private final Message<?> message;
  private final String sessionId;
  private final Principal principal;
  private ConnectionSettings settings;

  BridgeExchange(Message<?> message, String sessionId, Principal principal, ConnectionSettings settings) {
    this.message = message;
    this.sessionId = sessionId;
    this.principal = principal;
    this.settings = settings;
  }

  @Override
  public Principal principal() {
    return principal;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public String clientId() {
    return "bridge";
  }

  @Override
  public ConnectionSettings settings() {
    return settings;
  }

  @Override
  public void settings(ConnectionSettings next) {
    this.settings = next;
  }

  @Override
  public SampleBatcher batcher() {
    return null;
  }

  @Override
  public void send(String text) {
    message.reply(new JsonObject(text));
  }

  @Override
  public void sendError(String requestId, ProtocolError error) {
    send(ResponseWriter.error(requestId, ServerClock.timestamp(), error));
  }
}
