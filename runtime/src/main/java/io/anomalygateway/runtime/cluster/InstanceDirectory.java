package io.anomalygateway.runtime.cluster;

import io.anomalygateway.protocol.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The live instances of every {@link Service}, as their {@link Presence} announcements tell, and the owner of each
 * session among them ({@link Rendezvous}). An instance is gone when it says goodbye, when the launcher reports its
 * node left the cluster (Hazelcast notices a killed process within a second), or, on a clustered node, after
 * {@code presence_timeout} without an announcement (a hung or cut-off process, which Hazelcast only drops after its
 * much longer heartbeat timeout).
 *
 * <p>Not thread-safe: create, start and use it on one verticle's context.
 */
public final class InstanceDirectory {

  private record Entry(Service service, String nodeId, long lastSeen) {
  }

  private final Vertx vertx;
  private final ClusterOptions options;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<Service, Rendezvous> members = new EnumMap<>(Service.class);
  private final Map<Service, List<Promise<Void>>> waiters = new EnumMap<>(Service.class);
  private final List<BiConsumer<Service, Rendezvous>> changeListeners = new ArrayList<>();
  private final List<Consumer<String>> lossListeners = new ArrayList<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private long sweepTimer = -1;

  /**
   * @param vertx the Vert.x instance
   * @param options the presence timing
   */
  public InstanceDirectory(Vertx vertx, ClusterOptions options) {
    this.vertx = vertx;
    this.options = options;
    for (Service service : Service.values()) {
      members.put(service, Rendezvous.EMPTY);
      waiters.put(service, new ArrayList<>());
    }
  }

  /**
   * Starts listening to announcements and asks every instance to announce itself now.
   *
   * @return completed once the listeners are registered across the cluster
   */
  public Future<Void> start() {
    EventBus bus = vertx.eventBus();
    MessageConsumer<JsonObject> presence = bus.consumer(Addresses.PRESENCE, message -> onPresence(message.body()));
    MessageConsumer<String> nodeLeft = bus.localConsumer(Addresses.NODE_LEFT, message -> onNodeLeft(message.body()));
    consumers.add(presence);
    consumers.add(nodeLeft);
    if (vertx.isClustered()) {
      sweepTimer = vertx.setPeriodic(options.presenceIntervalMillis(), id -> sweep(System.nanoTime()));
    }
    return Future.all(presence.completion(), nodeLeft.completion())
        .onSuccess(v -> bus.publish(Addresses.PRESENCE_QUERY, new JsonObject()))
        .mapEmpty();
  }

  /** Stops listening; waiters fail as if no instance came. */
  public void stop() {
    vertx.cancelTimer(sweepTimer);
    consumers.forEach(MessageConsumer::unregister);
    for (Service service : Service.values()) {
      failWaiters(service);
    }
  }

  /** @return the live instances of the service */
  public Rendezvous members(Service service) {
    return members.get(service);
  }

  /** @return the instance of the service that owns the session, or {@code null} when there is none */
  public String owner(Service service, String sessionId) {
    return members.get(service).owner(sessionId);
  }

  /**
   * Waits for an instance of the service, as a node that just started or lost the last one must.
   *
   * @param timeoutMillis how long to wait
   * @return completed when there is an instance, failed with {@link ReplyFailure#NO_HANDLERS} after the timeout
   */
  public Future<Void> awaitAny(Service service, long timeoutMillis) {
    if (!members.get(service).isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiters.get(service).add(promise);
    long timer = vertx.setTimer(Math.max(1, timeoutMillis), id -> {
      waiters.get(service).remove(promise);
      promise.tryFail(noInstance(service));
    });
    return promise.future().onComplete(done -> vertx.cancelTimer(timer));
  }

  /** @param listener told the service and its new members after every change */
  public void onChange(BiConsumer<Service, Rendezvous> listener) {
    changeListeners.add(listener);
  }

  /** @param listener told the id of every instance that is gone (not of those that said goodbye) */
  public void onLoss(Consumer<String> listener) {
    lossListeners.add(listener);
  }

  /** @return the failure of a request for which no instance of the service exists */
  public static ReplyException noInstance(Service service) {
    return new ReplyException(ReplyFailure.NO_HANDLERS, "No " + service.wireName() + " instance");
  }

  private void onPresence(JsonObject json) {
    Presence presence;
    try {
      presence = Presence.fromJson(json);
    } catch (RuntimeException e) {
      return;
    }
    if (presence.leaving()) {
      remove(presence.instanceId(), false);
      return;
    }
    Entry before = entries.put(presence.instanceId(),
        new Entry(presence.service(), presence.nodeId(), System.nanoTime()));
    if (before == null) {
      changed(presence.service());
    }
  }

  private void onNodeLeft(String nodeId) {
    List<String> gone = new ArrayList<>();
    entries.forEach((id, entry) -> {
      if (entry.nodeId().equals(nodeId)) {
        gone.add(id);
      }
    });
    gone.forEach(id -> remove(id, true));
  }

  /** Only on a clustered node: the instances of one JVM cannot fall silent while it goes on running. */
  private void sweep(long now) {
    long timeout = options.presenceTimeoutMillis() * 1_000_000L;
    List<String> silent = new ArrayList<>();
    entries.forEach((id, entry) -> {
      if (now - entry.lastSeen() > timeout) {
        silent.add(id);
      }
    });
    silent.forEach(id -> remove(id, true));
  }

  private void remove(String instanceId, boolean lost) {
    Entry entry = entries.remove(instanceId);
    if (entry == null) {
      return;
    }
    changed(entry.service());
    if (lost) {
      lossListeners.forEach(listener -> listener.accept(instanceId));
    }
  }

  private void changed(Service service) {
    List<String> ids = new ArrayList<>();
    entries.forEach((id, entry) -> {
      if (entry.service() == service) {
        ids.add(id);
      }
    });
    Rendezvous next = new Rendezvous(ids);
    members.put(service, next);
    changeListeners.forEach(listener -> listener.accept(service, next));
    if (!next.isEmpty()) {
      List<Promise<Void>> waiting = waiters.put(service, new ArrayList<>());
      waiting.forEach(Promise::tryComplete);
    }
  }

  private void failWaiters(Service service) {
    for (Iterator<Promise<Void>> it = waiters.get(service).iterator(); it.hasNext(); ) {
      it.next().tryFail(noInstance(service));
      it.remove();
    }
  }
}
