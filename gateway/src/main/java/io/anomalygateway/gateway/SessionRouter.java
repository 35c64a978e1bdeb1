package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Sends each request about a session to the instance that owns it, and makes sure it is answered: when that
 * instance is lost before it replies (its node left the cluster or fell silent), the request goes at once to the
 * session's new owner, up to {@code request_attempts} times, instead of waiting for the event bus's send timeout.
 * A late reply of the lost instance is ignored. When no instance of the service exists, a request waits for one
 * for at most the circuit call timeout (never the whole request timeout), then fails as unreachable.
 *
 * <p>Not thread-safe: the gateway verticle's context owns it.
 */
final class SessionRouter {

  private final class InFlight {
    final Promise<Object> answer = Promise.promise();
    final Service service;
    final String address;
    final String sessionId;
    final Object body;
    int attempts;
    String instance;

    InFlight(Service service, String address, String sessionId, Object body) {
      this.service = service;
      this.address = address;
      this.sessionId = sessionId;
      this.body = body;
    }
  }

  private final EventBus bus;
  private final InstanceDirectory directory;
  private final DeliveryOptions delivery;
  private final int maxAttempts;
  private final Circuits circuits;
  private final Map<String, Set<InFlight>> inFlight = new HashMap<>();
  private long retries;

  SessionRouter(EventBus bus, InstanceDirectory directory, long timeoutMillis, int maxAttempts, Circuits circuits) {
    this.bus = bus;
    this.directory = directory;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis);
    this.maxAttempts = maxAttempts;
    this.circuits = circuits;
    directory.onLoss(this::lost);
  }

  /**
   * @param service the service that owns the session's state
   * @param address the per-session address of that service
   * @param sessionId the session
   * @param body the request
   * @return the owner's reply; failed with the owner's failure, or as unreachable when no owner could answer
   */
  @SuppressWarnings("unchecked")
  <T> Future<T> request(Service service, String address, String sessionId, Object body) {
    InFlight request = new InFlight(service, address, sessionId, body);
    send(request);
    return (Future<T>) request.answer.future();
  }

  /** @return how many requests were sent again because their instance was lost */
  long retries() {
    return retries;
  }

  private void send(InFlight request) {
    String owner = directory.owner(request.service, request.sessionId);
    if (owner == null) {
      // Wait for an instance to appear (a start, a restart) no longer than a call to one may take.
      directory.awaitAny(request.service, Math.min(delivery.getSendTimeout(), circuits.callTimeoutMillis()))
          .onComplete(found -> {
        if (found.succeeded()) {
          send(request);
        } else {
          request.answer.tryFail(found.cause());
        }
      });
      return;
    }
    request.attempts++;
    request.instance = owner;
    inFlight.computeIfAbsent(owner, id -> new LinkedHashSet<>()).add(request);
    // The instance's circuit decides whether to send at all; a client mistake it reports is an answer, not a
    // failure of the instance, so it passes through the breaker as a result.
    circuits.of(request.service, owner).<AsyncResult<Message<Object>>>execute(attempt ->
            bus.request(Addresses.ofInstance(request.address, owner), request.body, delivery).onComplete(done -> {
              if (done.succeeded() || isAnswer(done.cause())) {
                attempt.tryComplete(done);
              } else {
                attempt.tryFail(done.cause());
              }
            }))
        .onComplete(outcome -> {
          if (outcome.succeeded()) {
            AsyncResult<Message<Object>> done = outcome.result();
            replied(request, owner, done.succeeded() ? done.result() : null, done.cause());
          } else if (isGone(outcome.cause())) {
            replied(request, owner, null, outcome.cause());
          } else {
            replied(request, owner, null, circuits.refusal(request.service, outcome.cause()));
          }
        });
  }

  /** A failure the instance chose to send (a client mistake, over capacity): the instance is fine. */
  private static boolean isAnswer(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && ErrorCode.ofFailureCode(reply.failureCode()).isClientError();
  }

  private void replied(InFlight request, String owner, Message<Object> reply, Throwable failure) {
    if (!forget(request, owner) || request.answer.future().isComplete()) {
      return;
    }
    if (failure == null) {
      request.answer.complete(reply.body());
    } else if (isGone(failure)) {
      retry(request, failure);
    } else {
      request.answer.fail(failure);
    }
  }

  /** The instance's addresses vanished: it stopped, or its node left before the directory heard of it. */
  private static boolean isGone(Throwable failure) {
    return failure instanceof ReplyException && ((ReplyException) failure).failureType() == ReplyFailure.NO_HANDLERS;
  }

  private void lost(String instance) {
    circuits.forget(instance);
    Set<InFlight> orphans = inFlight.remove(instance);
    if (orphans != null) {
      orphans.forEach(request -> retry(request, InstanceDirectory.noInstance(request.service)));
    }
  }

  private void retry(InFlight request, Throwable failure) {
    if (request.attempts >= maxAttempts) {
      request.answer.tryFail(failure);
      return;
    }
    retries++;
    send(request);
  }

  /** @return whether the request was still waiting for this instance */
  private boolean forget(InFlight request, String owner) {
    if (!owner.equals(request.instance)) {
      return false;
    }
    Set<InFlight> waiting = inFlight.get(owner);
    boolean removed = waiting != null && waiting.remove(request);
    if (waiting != null && waiting.isEmpty()) {
      inFlight.remove(owner);
    }
    return removed;
  }
}
