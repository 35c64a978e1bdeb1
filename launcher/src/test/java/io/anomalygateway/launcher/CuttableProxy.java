package io.anomalygateway.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the gateway whose connections a test can cut at once, as a network blip or a load
 * balancer would: the client sees its connection drop without any close frame, the gateway sees its peer vanish.
 */
final class CuttableProxy {

  private final Vertx vertx;
  private final int target;
  private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean refusing;
  private NetServer server;
  private NetClient client;

  CuttableProxy(Vertx vertx, int target) {
    this.vertx = vertx;
    this.target = target;
  }

  /** @return the proxy's port */
  Future<Integer> start() {
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(this::accept);
    return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  private void accept(NetSocket downstream) {
    if (refusing) {
      downstream.close();
      return;
    }
    accepted.incrementAndGet();
    downstream.pause();
    sockets.add(downstream);
    client.connect(target, "127.0.0.1").onComplete(done -> {
      if (done.failed()) {
        downstream.close();
        return;
      }
      NetSocket upstream = done.result();
      sockets.add(upstream);
      downstream.handler(upstream::write);
      upstream.handler(downstream::write);
      downstream.closeHandler(v -> upstream.close());
      upstream.closeHandler(v -> downstream.close());
      downstream.resume();
    });
  }

  /** Cuts every connection through the proxy. */
  void cut() {
    sockets.forEach(NetSocket::close);
    sockets.clear();
  }

  /** While refusing, every new connection is closed at once: the gateway is unreachable. */
  void refuse(boolean refuse) {
    this.refusing = refuse;
  }

  /** @return connections accepted so far */
  int accepted() {
    return accepted.get();
  }

  void close() {
    cut();
    server.close();
    client.close();
  }
}
