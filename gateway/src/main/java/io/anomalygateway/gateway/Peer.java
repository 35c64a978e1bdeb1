package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.ProtocolError;

/**
 * Whoever sent a request, and how to answer it: a WebSocket {@link Connection}, or a browser's request through the
 * event-bus bridge ({@link BridgeExchange}).
 */
interface Peer {

  /** @return the session the request belongs to */
  String sessionId();

  /** @return the client's id */
  String clientId();

  /** @return the verified bearer of the client's token */
  Principal principal();

  /** @return how this peer's samples are forwarded */
  ConnectionSettings settings();

  /**
   * @param next the peer's new settings
   */
  void settings(ConnectionSettings next);

  /** @return the peer's batch-mode accumulator, or {@code null} when it has none */
  SampleBatcher batcher();

  /**
   * @param text a response
   */
  void send(String text);

  /**
   * @param requestId the request's id, or {@code null}
   * @param error the error
   */
  void sendError(String requestId, ProtocolError error);
}
