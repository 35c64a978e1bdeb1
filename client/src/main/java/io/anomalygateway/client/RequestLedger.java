package io.anomalygateway.client;

import org.HdrHistogram.Histogram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request that has no outcome yet: those waiting for a connection (bounded, with the overflow policy) and
 * those sent and not answered (in the order they were sent, to send again in that order after a reconnect), plus the
 * client's counters. Only the client's context changes it; {@link #statistics} may be read from any thread.
 */
final class RequestLedger {

  private final int maxQueued;
  private final int maxInFlight;
  private final OverflowPolicy policy;
  private final Deque<PendingRequest<?>> queued = new ArrayDeque<>();
  /** Requests the server refused for now, in the order refused: they go out again before the queued ones. */
  private final Deque<PendingRequest<?>> refused = new ArrayDeque<>();
  private final Map<String, PendingRequest<?>> inFlight = new LinkedHashMap<>();
  private final Histogram latency = new Histogram(3_600_000_000L, 3);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile int queuedCount;
  private volatile int inFlightCount;

  RequestLedger(ClientOptions options) {
    this.maxQueued = options.getMaxQueueSize();
    this.maxInFlight = options.getMaxInFlight();
    this.policy = options.getOverflowPolicy();
  }

  /**
   * Queues a request until there is a connection.
   *
   * @return the request that lost its place (the new one with {@code reject}, the oldest with {@code drop_oldest}),
   *     already failed with a {@link QueueFullException}; {@code null} when there was room
   */
  PendingRequest<?> queue(PendingRequest<?> request) {
    PendingRequest<?> loser = null;
    if (queued.size() >= maxQueued) {
      loser = policy == OverflowPolicy.REJECT ? request : queued.poll();
      dropped.incrementAndGet();
      fail(loser, new QueueFullException(maxQueued, policy));
    }
    if (loser != request) {
      queued.add(request);
    }
    queuedCount = queued.size();
    return loser;
  }

  /** Takes back a request the server refused for now (rate limit, drain): it is sent again before the queued. */
  void refused(PendingRequest<?> request) {
    refused.add(request);
    queuedCount = queued.size() + refused.size();
  }

  /** @return whether a request may be sent now rather than queued */
  boolean canSend() {
    return queued.isEmpty() && refused.isEmpty() && inFlight.size() < maxInFlight;
  }

  /** @return the next request to send (refused ones first), now in flight, or {@code null} (none, or window full) */
  PendingRequest<?> nextQueued() {
    if (inFlight.size() >= maxInFlight) {
      return null;
    }
    PendingRequest<?> next = refused.isEmpty() ? queued.poll() : refused.poll();
    queuedCount = queued.size() + refused.size();
    if (next != null) {
      sending(next);
    }
    return next;
  }

  void sending(PendingRequest<?> request) {
    inFlight.put(request.requestId(), request);
    inFlightCount = inFlight.size();
    sent.incrementAndGet();
  }

  /** @return the requests in flight, in the order they were first sent, to send again; each counts as sent again */
  List<PendingRequest<?>> resend() {
    sent.addAndGet(inFlight.size());
    return new ArrayList<>(inFlight.values());
  }

  /** @return the request this answer is for, no longer pending, or {@code null} when none (already completed) */
  PendingRequest<?> answered(String requestId) {
    PendingRequest<?> request = requestId == null ? null : inFlight.remove(requestId);
    inFlightCount = inFlight.size();
    if (request != null) {
      received.incrementAndGet();
      synchronized (latency) {
        latency.recordValue(Math.max(0, (System.nanoTime() - request.startedAt()) / 1_000));
      }
    }
    return request;
  }

  /** Fails a request wherever it waits (a timeout), and forgets it. */
  void fail(PendingRequest<?> request, Throwable failure) {
    if (inFlight.remove(request.requestId()) != null || queued.remove(request) || refused.remove(request)) {
      inFlightCount = inFlight.size();
      queuedCount = queued.size() + refused.size();
    }
    errors.incrementAndGet();
    request.fail(failure);
  }

  /** Counts an {@code error} answer. */
  void failedAnswer() {
    errors.incrementAndGet();
  }

  /** @return every pending request, forgotten: the client gives up on them */
  List<PendingRequest<?>> drain() {
    List<PendingRequest<?>> all = new ArrayList<>(inFlight.values());
    all.addAll(refused);
    all.addAll(queued);
    inFlight.clear();
    refused.clear();
    queued.clear();
    inFlightCount = 0;
    queuedCount = 0;
    return all;
  }

  ClientStatistics statistics(long reconnects) {
    synchronized (latency) {
      return new ClientStatistics(sent.get(), received.get(), errors.get(), reconnects, dropped.get(), queuedCount,
          inFlightCount, latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
          latency.getMaxValue() / 1e3);
    }
  }
}
