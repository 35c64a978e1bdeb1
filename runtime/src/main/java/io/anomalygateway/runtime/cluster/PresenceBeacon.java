package io.anomalygateway.runtime.cluster;

import io.anomalygateway.protocol.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * Announces one service instance on {@link Addresses#PRESENCE}: at once, every {@code presence_interval}, whenever
 * a newcomer asks, and a goodbye when it stops. The instance deploys it as its child, so it stops first.
 *
 * <p>It runs on an event loop, not on the instance's worker thread: a long request on the worker must not make the
 * instance look dead. What it does detect is the whole process stalling (a long GC pause, SIGSTOP): on a clustered
 * node, when its own timer fires more than {@code presence_timeout} late, the others have already given the
 * instance's sessions to someone else, so it tells its owner to drop them ("fencing") rather than serve stale state.
 */
public final class PresenceBeacon extends VerticleBase {

  private final Presence presence;
  private final ClusterOptions options;
  private final Context ownerContext;
  private final Runnable onFenced;
  private MessageConsumer<Object> queries;
  private long timer = -1;
  private long lastTick;

  /**
   * @param presence the instance's announcement
   * @param options the presence timing
   * @param ownerContext the context of the instance, where {@code onFenced} runs
   * @param onFenced what the instance does when it learns it was given up for dead
   */
  public PresenceBeacon(Presence presence, ClusterOptions options, Context ownerContext, Runnable onFenced) {
    this.presence = presence;
    this.options = options;
    this.ownerContext = ownerContext;
    this.onFenced = onFenced;
  }

  @Override
  public Future<?> start() {
    queries = vertx.eventBus().consumer(Addresses.PRESENCE_QUERY, message -> announce());
    lastTick = System.nanoTime();
    timer = vertx.setPeriodic(options.presenceIntervalMillis(), id -> tick());
    return queries.completion().onSuccess(v -> announce());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    vertx.eventBus().publish(Addresses.PRESENCE, new Presence(presence.service(), presence.instanceId(),
        presence.nodeId(), true).toJson());
    return queries.unregister();
  }

  private void tick() {
    long now = System.nanoTime();
    boolean stalled = now - lastTick > options.presenceTimeoutMillis() * 1_000_000L;
    lastTick = now;
    if (stalled && vertx.isClustered()) {
      ownerContext.runOnContext(v -> onFenced.run());
    }
    announce();
  }

  private void announce() {
    vertx.eventBus().publish(Addresses.PRESENCE, presence.toJson());
  }
}
