package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.eventbus.bridge.tcp.BridgeEvent;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The TCP event-bus bridge (vertx-tcp-eventbus-bridge) for services in any language: frames of a 4-byte length and
 * JSON, on a port of its own, with the SockJS bridge's rules ({@link BridgeRules}). There is no handshake to carry
 * a token, so the first frame must bring one in its {@code token} header (any later frame may bring a fresh one);
 * until then every frame is refused, and at the token's expiry the connection is closed. The library's server listens on a loopback port of its own, behind a front
 * server that checks every frame's announced length ({@link FrameGuard}), since the library has no limit.
 */
final class TcpBridge {

  private final Gateway gateway;
  private final TcpBridgeOptions options;
  /** Keyed by the library's socket, which it drops when the client goes; weak keys let those entries go too. */
  private final Map<NetSocket, BridgeVisitor> visitors = new WeakHashMap<>();
  private TcpEventBusBridge bridge;
  private NetServer front;
  private NetClient client;

  TcpBridge(Gateway gateway, TcpBridgeOptions options) {
    this.gateway = gateway;
    this.options = options;
  }

  /** @return the port the bridge listens on, once it does */
  Future<Integer> start() {
    client = gateway.vertx().createNetClient();
    return gateway.vertx().executeBlocking(TcpBridge::freeLoopbackPort).compose(internal -> {
      bridge = TcpEventBusBridge.create(gateway.vertx(), BridgeRules.permitted(new BridgeOptions()),
          new NetServerOptions(), this::onEvent);
      return bridge.listen(internal, "127.0.0.1").map(internal);
    }).compose(internal -> {
      front = gateway.vertx().createNetServer(new NetServerOptions().setHost(options.host())
          .setPort(options.port())).connectHandler(socket -> accept(socket, internal));
      return front.listen().map(NetServer::actualPort);
    });
  }

  Future<Void> stop() {
    Future<Void> frontClosed = front == null ? Future.succeededFuture() : front.close();
    return frontClosed.compose(v -> bridge == null ? Future.succeededFuture() : bridge.close())
        .eventually(() -> client == null ? Future.succeededFuture() : client.close());
  }

  private void accept(NetSocket socket, int internal) {
    socket.pause();
    client.connect(internal, "127.0.0.1").onComplete(connected -> {
      if (connected.failed()) {
        socket.close();
        return;
      }
      NetSocket upstream = connected.result();
      socket.handler(new FrameGuard(options.maxFrameSize(), upstream::write, () -> {
        socket.write(frame(new JsonObject().put("type", "err").put("message", "frame_too_large")));
        socket.close();
        upstream.close();
      }));
      upstream.pipeTo(socket);
      socket.closeHandler(v -> upstream.close());
      socket.resume();
    });
  }

  private void onEvent(BridgeEvent event) {
    BridgeEventType type = event.type();
    if (type == BridgeEventType.SOCKET_PING || type == BridgeEventType.REGISTERED) {
      event.complete(true);
      return;
    }
    if (type != BridgeEventType.SEND && type != BridgeEventType.REGISTER && type != BridgeEventType.UNREGISTER) {
      event.complete(false);
      return;
    }
    NetSocket socket = event.socket();
    String token = BridgeRules.headerToken(event.getRawMessage());
    BridgeVisitor known = visitors.get(socket);
    if (token == null && known == null) {
      event.complete(false);
      return;
    }
    Future<Principal> principal = token == null ? Future.succeededFuture(known.principal())
        : gateway.authenticator().authenticate(token).onSuccess(fresh -> {
          BridgeVisitor visitor = visitors.get(socket);
          if (visitor == null) {
            visitors.put(socket, new BridgeVisitor(gateway, fresh, () -> expire(socket)));
          } else {
            visitor.renew(fresh);
          }
        });
    principal.onComplete(done -> event.complete(done.succeeded()
        && !done.result().expiredAt(System.currentTimeMillis() / 1000) && permits(done.result(), event)));
  }

  private boolean permits(Principal principal, BridgeEvent event) {
    if (event.type() == BridgeEventType.UNREGISTER) {
      return true;
    }
    if (event.type() == BridgeEventType.REGISTER) {
      return BridgeRules.mayRegister(principal, event.getRawMessage());
    }
    JsonObject permitted = BridgeRules.maySend(principal, visitors.get(event.socket()).limiter(),
        event.getRawMessage());
    if (permitted != null) {
      event.setRawMessage(permitted);
    }
    return permitted != null;
  }

  /**
   * A connection ends with its token, as a WebSocket connection does, even one that only listens: it is told
   * ({@code token_expired}) and closed, unless a frame brought a fresh token first.
   */
  private static void expire(NetSocket socket) {
    socket.write(frame(new JsonObject().put("type", "err").put("message", EventBusBridge.TOKEN_EXPIRED)));
    socket.close();
  }

  /** The bridge's framing: a 4-byte big-endian length, then the JSON. */
  static Buffer frame(JsonObject message) {
    Buffer json = message.toBuffer();
    return Buffer.buffer(json.length() + 4).appendInt(json.length()).appendBuffer(json);
  }

  /** The library reports no port it chose, so the gateway picks a free loopback one for it. */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
