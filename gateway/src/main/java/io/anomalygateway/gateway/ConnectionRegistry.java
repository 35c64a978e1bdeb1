package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Admission;
import io.anomalygateway.runtime.capacity.CapacityOptions;
import io.anomalygateway.runtime.capacity.MemoryBudget;
import io.anomalygateway.gateway.security.SecurityOptions;
import io.vertx.core.shareddata.Shareable;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open connections of a gateway, by session, with the server-wide counters that {@code stats} reports.
 *
 * <p>Thread-safe, because the instances of one gateway deployment share it (each runs on its own event loop):
 * {@code max_connections} bounds the whole node, not one event loop.
 */
final class ConnectionRegistry implements Shareable {

  private volatile boolean admitting = true;
  private volatile boolean serving = true;
  private final int maxConnections;
  private final Admission admission;
  private final CapacityOptions capacity;
  private final MemoryBudget requests;
  private final AtomicInteger slots = new AtomicInteger();
  private final Map<String, Set<Connection>> sessions = new ConcurrentHashMap<>();
  private final LongAdder received = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();

  ConnectionRegistry(int maxConnections, SecurityOptions security, CapacityOptions capacity,
                     MemoryBudget requests) {
    this.maxConnections = maxConnections;
    this.capacity = capacity;
    this.requests = requests;
    this.admission = new Admission(security, capacity.newSessionsPerMinute());
  }

  /** @return the node's capacity settings */
  CapacityOptions capacity() {
    return capacity;
  }

  /** @return the bytes of requests being read or in flight on this node, shared by its gateway instances */
  MemoryBudget requests() {
    return requests;
  }

  /** @return the limits per IP address and per token, shared like the registry */
  Admission admission() {
    return admission;
  }

  /** Takes a connection slot before an upgrade; false when {@code max_connections} are open or upgrading. */
  /** From now on no connection is admitted: the gateway is shutting down. */
  void stopAdmitting() {
    admitting = false;
  }

  /** @return whether new connections are admitted (false once the gateway is shutting down) */
  /** The drain's time is over: requests that still arrive are answered {@code SHUTTING_DOWN}, not processed. */
  void stopServing() {
    serving = false;
  }

  /** @return whether requests are still processed (they are during the drain, until {@code shutdown_timeout}) */
  boolean serving() {
    return serving;
  }

  boolean admitting() {
    return admitting;
  }

  boolean reserve() {
    while (true) {
      int taken = slots.get();
      if (taken >= maxConnections) {
        return false;
      }
      if (slots.compareAndSet(taken, taken + 1)) {
        return true;
      }
    }
  }

  /** Gives back a slot taken by {@link #reserve()}, when the upgrade failed or the connection closed. */
  void release() {
    slots.decrementAndGet();
  }

  void add(Connection connection) {
    sessions.computeIfAbsent(connection.sessionId(), id -> ConcurrentHashMap.newKeySet()).add(connection);
  }

  void remove(Connection connection) {
    sessions.computeIfPresent(connection.sessionId(), (id, set) -> {
      set.remove(connection);
      return set.isEmpty() ? null : set;
    });
  }

  /** @return the number of open connections */
  int activeConnections() {
    return sessions.values().stream().mapToInt(Set::size).sum();
  }

  /** @return the number of sessions with at least one open connection */
  int activeSessions() {
    return sessions.size();
  }

  /**
   * @param sessionId a session
   * @return its open connections
   */
  Collection<Connection> session(String sessionId) {
    Set<Connection> connections = sessions.get(sessionId);
    return connections == null ? List.of() : connections;
  }

  /** @return every open connection */
  List<Connection> all() {
    return sessions.values().stream().flatMap(Set::stream).toList();
  }

  void countReceived() {
    received.increment();
  }

  void countSent() {
    sent.increment();
  }

  void countError() {
    errors.increment();
  }

  void countRateLimited() {
    rateLimited.increment();
  }

  long rateLimited() {
    return rateLimited.sum();
  }

  void countDropped() {
    dropped.increment();
  }

  long dropped() {
    return dropped.sum();
  }

  int maxConnections() {
    return maxConnections;
  }

  long received() {
    return received.sum();
  }

  long sent() {
    return sent.sum();
  }

  long errors() {
    return errors.sum();
  }
}
