package io.anomalygateway.runtime.worker;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.cluster.Presence;
import io.anomalygateway.runtime.cluster.PresenceBeacon;
import io.anomalygateway.runtime.cluster.Rendezvous;
import io.anomalygateway.runtime.cluster.Service;
import io.anomalygateway.runtime.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one shape of a worker verticle (detector, drift, alerts). The base owns what every worker does the same way:
 * an instance id, the {@code cluster} settings, the bus codecs, the instance directory and the presence beacon, the
 * sweep of idle state, the meters every worker shares, and the single mapping from failures to protocol errors
 * ({@link WorkerFailures}). A worker supplies its service: its settings and state ({@link #startService}), its
 * consumers ({@link #consume}), how it sweeps idle state, and its ownership policy ({@link #membersChanged},
 * {@link #fenced}).
 *
 * <p>Deployed as a worker verticle, its handlers run one at a time, so the state it owns needs no locks.
 */
public abstract class WorkerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerVerticle.class);

  /** This instance's id: the suffix of its own addresses, and its name in the directory. */
  protected final String instanceId = UUID.randomUUID().toString();
  private final Service service;
  private final List<Future<?>> consumers = new ArrayList<>();
  private ClusterOptions cluster;
  private InstanceDirectory directory;
  private WorkerMeters meters;
  private long sweepTimer = -1;

  /** @param service the service this verticle provides */
  protected WorkerVerticle(Service service) {
    this.service = service;
  }

  @Override
  public final Future<?> start() {
    cluster = settings("cluster", ClusterOptions.class);
    BusCodecs.register(vertx);
    directory = new InstanceDirectory(vertx, cluster);
    meters = new WorkerMeters(service);
    Future<?> started;
    try {
      started = startService();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    directory.onChange((changed, members) -> {
      if (changed == service && members.instances().contains(instanceId)) {
        membersChanged(members);
      }
    });
    Duration idle = idleTimeout();
    if (idle != null) {
      sweepTimer = vertx.setPeriodic(sweepMillis(idle), id -> meters.swept(sweepIdle(System.nanoTime())));
    }
    Presence presence = new Presence(service, instanceId, cluster.nodeId(), false);
    return started.compose(v -> Future.all(consumers)).compose(v -> directory.start())
        .compose(v -> vertx.deployVerticle(new PresenceBeacon(presence, cluster, context, this::fenced)))
        .onSuccess(v -> LOG.info("{} instance {} serving on node {}", service.displayName(), instanceId,
            cluster.nodeId()));
  }

  @Override
  public final Future<?> stop() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    directory.stop();
    return stopService();
  }

  /**
   * Reads a section of this verticle's configuration, laid over the packaged defaults.
   *
   * @param section the section's name
   * @param type its settings record
   * @return the validated settings
   */
  protected final <T> T settings(String section, Class<T> type) {
    return Settings.read(config(), section, type);
  }

  /**
   * Creates the service's state and registers its consumers with {@link #consume}. Runs once, on this verticle's
   * context.
   *
   * @return completes when the service is ready to take requests
   */
  protected abstract Future<?> startService();

  /** @return when the service has stopped; the default has nothing to wait for */
  protected Future<?> stopService() {
    return Future.succeededFuture();
  }

  /** @return how long state may stay idle before {@link #sweepIdle} drops it, or {@code null} for no sweep */
  protected abstract Duration idleTimeout();

  /**
   * Drops state idle for longer than {@link #idleTimeout()}.
   *
   * @param now {@link System#nanoTime()}
   * @return how many sessions (or subjects) were dropped
   */
  protected abstract int sweepIdle(long now);

  /**
   * The service's instances changed, and this one is among them: the ownership policy lets go of what others now
   * own. The default keeps everything.
   *
   * @param members the service's live instances
   */
  protected void membersChanged(Rendezvous members) {
  }

  /** The cluster declared this instance dead while it lives: it must drop what others have taken over. */
  protected abstract void fenced();

  /**
   * Consumes this instance's own address of a service address, answering each message with the handler's result
   * or, when it throws, with the failure mapped by {@link WorkerFailures}.
   *
   * @param address an address of {@link Addresses}
   * @param handler computes the reply
   */
  protected final <T, R> void answer(String address, Function<T, R> handler) {
    this.<T>consume(Addresses.ofInstance(address, instanceId), message -> {
      try {
        message.reply(handler.apply(message.body()));
      } catch (RuntimeException e) {
        fail(message, e);
      }
    });
  }

  /**
   * Consumes an address with a handler of the worker's own; the consumer is registered before the instance
   * announces itself.
   *
   * @param address the full address
   * @param handler handles each message
   */
  protected final <T> void consume(String address, Handler<Message<T>> handler) {
    consumers.add(vertx.eventBus().<T>consumer(address, handler).completion());
  }

  /**
   * Fails a message with the protocol error a failure stands for.
   *
   * @param message the message to answer
   * @param failure what went wrong
   */
  protected final void fail(Message<?> message, Throwable failure) {
    meters.failed(WorkerFailures.fail(message, failure, service));
  }

  /** @return this instance's cluster settings */
  protected final ClusterOptions cluster() {
    return cluster;
  }

  /** @return the directory of every service's live instances */
  protected final InstanceDirectory directory() {
    return directory;
  }

  /** @return the meters every worker shares */
  protected final WorkerMeters meters() {
    return meters;
  }

  /** A tenth of the idle timeout, so that state outlives it by at most 10%, within a second and a minute. */
  static long sweepMillis(Duration idle) {
    return Math.max(1_000L, Math.min(60_000L, idle.toMillis() / 10));
  }
}
