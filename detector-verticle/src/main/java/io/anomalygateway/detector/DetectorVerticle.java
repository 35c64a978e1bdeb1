package io.anomalygateway.detector;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.ConfigureCommand;
import io.anomalygateway.protocol.bus.DetectorLoad;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.ScoreCommand;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.SessionQuery;
import io.anomalygateway.protocol.bus.SessionStats;
import io.anomalygateway.runtime.capacity.CapacityOptions;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.runtime.cluster.PresenceBeacon;
import io.anomalygateway.runtime.cluster.Rendezvous;
import io.anomalygateway.runtime.cluster.Service;
import io.anomalygateway.runtime.worker.WorkerVerticle;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Owns the models of the sessions it is given and scores samples sent over the event bus. Deploy it as a worker
 * verticle: its handlers then run one at a time on a worker thread, so the session state needs no locks, and fits
 * run on a separate pool ({@code fit_threads}) so that neither this verticle nor any event loop waits for them.
 *
 * <p>Every instance, in this JVM or on another cluster node, consumes its own addresses
 * ({@link Addresses#ofInstance}) and announces itself ({@link PresenceBeacon}); senders route each session to one
 * instance, and {@link SessionOwnership} moves sessions between instances through snapshots.
 */
public final class DetectorVerticle extends WorkerVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(DetectorVerticle.class);

  private DetectorOptions options;
  private DetectorMeters meters;
  private DetectorSessions sessions;
  private ModelCatalog models;
  private WorkerExecutor fitPool;
  private FitScheduler fits;
  private SessionOwnership ownership;
  private ScoreAnnouncer announcer;
  private SessionCapacity capacity;
  private SessionStore store;
  private long deferredSnapshots = -1;

  /** A detector with the settings of its deployment's {@code detector}, {@code capacity} and {@code persistence}. */
  public DetectorVerticle() {
    super(Service.DETECTOR);
  }

  @Override
  protected Future<?> startService() {
    options = settings("detector", DetectorOptions.class);
    ClusterOptions cluster = cluster();
    CapacityOptions limits = settings("capacity", CapacityOptions.class);
    models = new ModelCatalog(options);
    SessionSettings defaults = options.sessionDefaults();
    sessions = new DetectorSessions(id -> new DetectorSession(id, defaults, models),
        options.maxSessions(), options.sessionIdleTimeout());
    fitPool = vertx.createSharedWorkerExecutor("anomaly-detector-fit", options.fitThreads());
    try {
      store = new SessionStore(snapshots(cluster), options.sessionIdleTimeout());
    } catch (IllegalStateException e) {
      fitPool.close();
      return Future.failedFuture(e);
    }
    fits = new FitScheduler(vertx, fitPool, models, options.fitThreads(), options.fitCpuShare(),
        options.refitTreeShare(),
        meters = new DetectorMeters(sessions::size));
    ownership = new SessionOwnership(instanceId, sessions, store, cluster.snapshotInterval(),
        options.dedupWindow(), vertx.isClustered() ? cluster.presenceTimeout() : Duration.ZERO, this::fitRestored);
    if (store.spacingNanos() > 0) {
      long spacing = Math.max(1, store.spacingNanos() / 1_000_000);
      deferredSnapshots = vertx.setPeriodic(spacing, id -> ownership.writeDeferred());
    }
    capacity = new SessionCapacity(limits.stateBudget(vertx), sessions, limits.evictionIdleNanos(),
        ownership::evict);
    announcer = new ScoreAnnouncer(context, vertx.eventBus(), directory()::owner);
    this.<ScoreCommand>consume(own(Addresses.DETECTOR_SCORE), m -> handle(m, m.body().sessionId(), true,
        session -> score(session, m.body())));
    this.<SessionQuery>consume(own(Addresses.DETECTOR_STATS), m -> handle(m, m.body().sessionId(), false,
        session -> stats(session, m.body())));
    this.<ConfigureCommand>consume(own(Addresses.DETECTOR_CONFIGURE), m -> handle(m, m.body().sessionId(), true,
        session -> configure(session, m.body())));
    this.<SessionQuery>consume(own(Addresses.DETECTOR_OBSERVED), this::observed);
    this.<DriftEvent>consume(Addresses.DRIFT_EVENTS, m -> onDrift(m.body()));
    return Future.succeededFuture();
  }

  @Override
  protected Duration idleTimeout() {
    return options.sessionIdleTimeout();
  }

  @Override
  protected int sweepIdle(long now) {
    store.expire();
    int evicted = sessions.evictIdle(now);
    meters.evicted(evicted);
    if (evicted > 0) {
      LOG.info("Evicted {} idle sessions; {} remain", evicted, sessions.size());
    }
    return evicted;
  }

  /** Sessions whose owner is now another instance are handed over, with a last snapshot. */
  @Override
  protected void membersChanged(Rendezvous members) {
    ownership.rebalance(members);
  }

  @Override
  protected void fenced() {
    ownership.fence();
  }

  /**
   * Where snapshots go: the cluster's map when clustered, a file in {@code persistence.data_dir} otherwise.
   *
   * @throws IllegalStateException when the data directory cannot be used
   */
  private SnapshotMap snapshots(ClusterOptions cluster) {
    if (cluster.snapshotInterval() <= 0) {
      return null;
    }
    if (vertx.isClustered()) {
      return new ClusterSnapshots(vertx, cluster.snapshotSpacing());
    }
    PersistenceOptions persistence = settings("persistence", PersistenceOptions.class);
    if (persistence.directory() == null) {
      return null;
    }
    DiskSnapshots disk = DiskSnapshots.open(vertx, persistence.directory(), persistence.commitMillis());
    LOG.info("Detector sessions are kept in {}", disk);
    return disk;
  }

  /** Hands every session over (a last snapshot, to the cluster or the data file) before the addresses go. */
  @Override
  protected Future<?> stopService() {
    meters.close();
    announcer.flush();
    vertx.cancelTimer(deferredSnapshots);
    return ownership.handOverAll().eventually(store::close).eventually(fitPool::close);
  }

  private String own(String address) {
    return Addresses.ofInstance(address, instanceId);
  }

  /**
   * Reserves what the session will hold before scoring (refused with {@code CAPACITY_EXCEEDED} when there is no
   * room even after evicting idle sessions), then scores and keeps the reply.
   */
  private ScoreReply score(DetectorSession session, ScoreCommand command) {
    ScoreReply earlier = session.repliedTo(command.requestKey());
    if (earlier != null) {
      return earlier;
    }
    session.reservation().claim(command.tenant());
    boolean keepsReply = command.requestKey() != null && options.dedupWindow() > 0;
    capacity.reserve(session, session.bytesAfter(command.algorithm(), command.samples().count(),
        command.samples().dims(), keepsReply), System.nanoTime());
    ScoreReply reply = session.score(command.algorithm(), command.samples());
    meters.scored(reply);
    session.remember(command.requestKey(), reply, options.dedupWindow());
    capacity.settle(session);
    announcer.announce(command, reply);
    fitWhatIsDue(session);
    ownership.scored(session);
    return reply;
  }

  private void fitWhatIsDue(DetectorSession session) {
    for (SessionModel model : session.models()) {
      if (model instanceof RefittedModel refitted && refitted.isFitDue(session.settings())) {
        fits.submit(refitted, session.settings());
      }
    }
  }

  /** A restored session's models are fitted again before it serves: failover should not look like a new session. */
  private Future<Void> fitRestored(DetectorSession session) {
    List<Future<Void>> restored = new ArrayList<>();
    for (SessionModel model : session.models()) {
      if (model instanceof RefittedModel refitted && refitted.isFitDue(session.settings())) {
        restored.add(fits.fitNow(refitted, session.settings()));
      }
    }
    return Future.all(restored).mapEmpty();
  }

  /**
   * The barrier before a read of drift state: what waits to be announced is sent now, before the answer, so it
   * reaches the drift instance ahead of the read the answer lets through.
   */
  private void observed(Message<SessionQuery> message) {
    announcer.flush();
    message.reply(message.body());
  }

  /** A drift with the session's policy "refit": forget the samples before it and fit on those after. */
  private void onDrift(DriftEvent event) {
    if (!event.refit()) {
      return;
    }
    DetectorSession session = ownership.held(event.sessionId());
    if (session != null) {
      LOG.info("Refitting session {} on its {} samples since drift", event.sessionId(), event.recentSize());
      session.forgetBefore(event.recentSize());
    }
  }

  private SessionStats stats(DetectorSession session, SessionQuery query) {
    return (session != null ? session : sessions.create(query.sessionId())).stats(load());
  }

  private SessionSettings configure(DetectorSession session, ConfigureCommand command) {
    SessionSettings settings = session.configure(command.update());
    ownership.reconfigured(session);
    return settings;
  }

  private DetectorLoad load() {
    return new DetectorLoad(sessions.size(), sessions.evictions() + capacity.pressureEvictions(),
        capacity.budget().used(), capacity.budget().limit(),
        capacity.budget().nodeRefusals() + capacity.budget().tenantRefusals());
  }


  /**
   * Replies with the handler's result for the session (held, restored or new); client mistakes fail the message
   * with their protocol code. A held session is served at once, without a future in between.
   */
  private <T, R> void handle(Message<T> message, String sessionId, boolean create,
                             Function<DetectorSession, R> handler) {
    DetectorSession held = ownership.held(sessionId);
    if (held != null) {
      reply(message, held, handler);
      return;
    }
    ownership.open(sessionId, create).onComplete(opened -> {
      if (opened.succeeded()) {
        reply(message, opened.result(), handler);
      } else {
        fail(message, opened.cause());
      }
    });
  }

  /**
   * Every message gets an answer, whatever went wrong. Running out of memory leaves the session's state half
   * updated, so the session is dropped (it restarts from its last snapshot, if any) and the request is refused as
   * over capacity; the memory it held goes back to the heap.
   */
  private <T, R> void reply(Message<T> message, DetectorSession session, Function<DetectorSession, R> handler) {
    try {
      message.reply(handler.apply(session));
    } catch (OutOfMemoryError e) {
      sessions.remove(session.id());
      LOG.error("Out of memory while serving session {}; dropped the session", session.id());
      fail(message, new ProtocolException(ProtocolError.capacityExceeded("The server ran out of memory for "
          + "this request; nothing was scored.", 1000), null));
    } catch (RuntimeException e) {
      fail(message, e);
    }
  }


}
