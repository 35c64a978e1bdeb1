package io.anomalygateway.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.util.concurrent.TimeUnit;

/**
 * The server's side of a connection's keep-alive: when nothing (no message, no frame) has come from the peer for
 * {@code ping_interval}, it sends a WebSocket ping; when nothing comes back within {@code ping_timeout} after that,
 * the peer is taken for dead (a crashed host, a NAT that forgot the mapping) and the connection is closed, so that
 * its slot, its subscriptions and its session limits are freed without waiting for TCP to notice. Every peer that
 * follows RFC 6455 answers pings by itself (browsers included), so clients need no pings of their own. One timer per
 * connection, re-armed only when it fires; it runs on the connection's event loop.
 */
final class KeepAlive {

  private static final Buffer PAYLOAD = Buffer.buffer();

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final long intervalNanos;
  private final long timeoutNanos;
  private final Runnable onTimeout;
  private long lastHeard = System.nanoTime();
  private long pingSentAt;
  private boolean awaitingPong;
  private long timer = -1;

  /**
   * @param interval silence after which the peer is pinged; 0 turns pings off
   * @param timeout how long an answer to a ping may take
   * @param onTimeout closes the connection of a peer that did not answer
   */
  KeepAlive(Vertx vertx, ServerWebSocket socket, java.time.Duration interval, java.time.Duration timeout,
            Runnable onTimeout) {
    this.vertx = vertx;
    this.socket = socket;
    this.intervalNanos = interval.toNanos();
    this.timeoutNanos = timeout.toNanos();
    this.onTimeout = onTimeout;
  }

  void start() {
    if (intervalNanos > 0) {
      schedule(intervalNanos);
    }
  }

  /** Any frame from the peer, a pong or a message, proves it alive. */
  void heard(long now) {
    lastHeard = now;
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void check() {
    timer = -1;
    long now = System.nanoTime();
    if (awaitingPong && lastHeard - pingSentAt < 0) {
      long waited = now - pingSentAt;
      if (waited >= timeoutNanos) {
        onTimeout.run();
      } else {
        schedule(timeoutNanos - waited);
      }
      return;
    }
    awaitingPong = false;
    long silent = now - lastHeard;
    if (silent < intervalNanos) {
      schedule(intervalNanos - silent);
      return;
    }
    awaitingPong = true;
    pingSentAt = now;
    socket.writePing(PAYLOAD);
    schedule(timeoutNanos);
  }

  private void schedule(long nanos) {
    timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)), id -> check());
  }
}
