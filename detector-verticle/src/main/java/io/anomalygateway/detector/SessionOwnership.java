package io.anomalygateway.detector;

import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.runtime.cluster.Rendezvous;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which sessions this detector instance holds, and how they move between instances. A session it does not hold is
 * restored from its snapshot, if there is one, before any request about it is served (requests that arrive
 * meanwhile wait, in order); one that another instance now owns is handed over (a last snapshot, then dropped), so
 * that a session is never served from two states; every {@code snapshot_interval} samples a session's state is
 * written to the snapshot map.
 *
 * <p>Only the detector verticle's context touches it.
 */
final class SessionOwnership {

  private static final Logger LOG = LoggerFactory.getLogger(SessionOwnership.class);

  private final String instanceId;
  private final DetectorSessions sessions;
  private final SessionStore store;
  private final int snapshotInterval;
  private final int dedupWindow;
  private final Function<DetectorSession, Future<Void>> warmUp;
  private final Map<String, Future<DetectorSession>> loading = new HashMap<>();
  private final long staleNanos;
  private long writes;
  private final Set<String> deferred = new LinkedHashSet<>();

  /**
   * @param staleAfter how long a held session may go unasked before its next request checks the store for a
   *     newer state (another detector served it meanwhile: a partition, a stall); 0 never checks (one process)
   */
  SessionOwnership(String instanceId, DetectorSessions sessions, SessionStore store, int snapshotInterval,
                   int dedupWindow, java.time.Duration staleAfter, Function<DetectorSession, Future<Void>> warmUp) {
    this.staleNanos = staleAfter.toNanos();
    this.instanceId = instanceId;
    this.sessions = sessions;
    this.store = store;
    this.snapshotInterval = snapshotInterval;
    this.dedupWindow = dedupWindow;
    this.warmUp = warmUp;
  }

  /**
   * @return the session if this instance holds it now and may serve it without a look at the store, marked as
   *     active, else {@code null}
   */
  DetectorSession held(String id) {
    long now = System.nanoTime();
    DetectorSession session = sessions.peek(id);
    if (session == null || mustCheck(session, now)) {
      return null;
    }
    session.touch(now);
    return session;
  }

  /** A session unasked for longer than another detector needs to take it over may have been served elsewhere. */
  private boolean mustCheck(DetectorSession session, long now) {
    return staleNanos > 0 && store.isEnabled() && now - session.lastActive() > staleNanos;
  }

  /**
   * @param create whether to start a new session when there is neither a held one nor a snapshot
   * @return the session, restored first if it has a snapshot; {@code null} when there is none and not created
   */
  Future<DetectorSession> open(String id, boolean create) {
    DetectorSession held = held(id);
    if (held != null) {
      return Future.succeededFuture(held);
    }
    DetectorSession unchecked = sessions.peek(id);
    if (!store.isEnabled()) {
      try {
        return Future.succeededFuture(create ? sessions.open(id, System.nanoTime()) : null);
      } catch (ProtocolException e) {
        return Future.failedFuture(e);
      }
    }
    Future<DetectorSession> restoring = loading.get(id);
    if (restoring == null) {
      restoring = store.load(id).compose(snapshot -> stillCurrent(unchecked, snapshot)
          ? Future.succeededFuture(unchecked) : restore(id, snapshot));
      if (!restoring.isComplete()) {
        loading.put(id, restoring);
        restoring.onComplete(done -> loading.remove(id));
      }
    }
    return restoring.map(restored -> install(id, restored, create));
  }

  /**
   * A held session is still the latest state unless the stored snapshot was written by someone else since: then
   * another detector served it (this one was cut off or stalled), and the held state is dropped for the stored one.
   */
  private boolean stillCurrent(DetectorSession held, SessionSnapshot stored) {
    if (held == null) {
      return false;
    }
    if (stored == null || stored.writer() == null || stored.writer().equals(held.lastWrite())) {
      return true;
    }
    LOG.info("Session {} was served by another detector meanwhile; going on from its state", held.id());
    sessions.remove(held.id());
    return false;
  }

  /** Rebuilds the session from its snapshot and refits its models, before anyone may use it. */
  private Future<DetectorSession> restore(String id, SessionSnapshot snapshot) {
    if (snapshot == null) {
      return Future.succeededFuture();
    }
    DetectorSession session = sessions.create(id);
    session.restore(snapshot, dedupWindow);
    return warmUp.apply(session).map(v -> {
      LOG.info("Session {} restored from its snapshot ({} samples)", id, snapshot.totalSamples());
      return session;
    });
  }

  /** Runs once per waiting request, in order: the first one installs the session, the others find it held. */
  private DetectorSession install(String id, DetectorSession restored, boolean create) {
    DetectorSession held = sessions.peek(id);
    if (held != null) {
      held.touch(System.nanoTime());
      return held;
    }
    if (restored == null) {
      return create ? sessions.open(id, System.nanoTime()) : null;
    }
    sessions.install(restored, System.nanoTime());
    return restored;
  }

  /**
   * After a session scored samples: writes its snapshot when {@code snapshot_interval} samples arrived, or, when
   * the store keeps nothing from a snapshot sooner than its spacing after the last one, writes it
   * {@link #writeDeferred later}.
   */
  void scored(DetectorSession session) {
    if (!store.isEnabled() || !session.isSnapshotDue(snapshotInterval)) {
      return;
    }
    if (System.nanoTime() - session.snapshotAt() >= store.spacingNanos()) {
      store.save(session.id(), session.snapshot(nextWrite()));
    } else {
      deferred.add(session.id());
    }
  }

  /**
   * Writes the snapshots that were due sooner than the store's spacing: run every spacing, so that a busy
   * session's state is at most a spacing older in the store than it would be with a snapshot per interval.
   */
  void writeDeferred() {
    for (String id : deferred) {
      DetectorSession session = sessions.peek(id);
      if (session != null && session.isSnapshotDue(snapshotInterval)) {
        store.save(id, session.snapshot(nextWrite()));
      }
    }
    deferred.clear();
  }

  private String nextWrite() {
    return instanceId + ':' + (++writes);
  }

  /** After a session's settings changed: writes its snapshot at once, settings are rare and precious. */
  void reconfigured(DetectorSession session) {
    if (store.isEnabled()) {
      store.save(session.id(), session.snapshot(nextWrite()));
    }
  }

  /**
   * The detector instances changed: hands over every session another instance now owns. Skipped while this
   * instance does not see itself among them (just started), which would give every session away.
   */
  void rebalance(Rendezvous members) {
    if (!members.instances().contains(instanceId)) {
      return;
    }
    for (String id : sessions.ids()) {
      if (!instanceId.equals(members.owner(id))) {
        handOver(id);
      }
    }
  }

  /** The others gave this instance up for dead and took its sessions: its own state is the stale one now. */
  void fence() {
    List<String> ids = sessions.ids();
    ids.forEach(sessions::remove);
    LOG.warn("This detector stalled past the presence timeout; dropped its {} sessions to their new owners",
        ids.size());
  }

  /**
   * Takes a session out of memory to make room, with a last snapshot where snapshots are kept, so that its next
   * request restores it rather than starting afresh.
   */
  void evict(DetectorSession session) {
    handOver(session.id());
  }

  /** On a graceful stop: a last snapshot of every session, so that their next owners lose nothing. */
  Future<?> handOverAll() {
    List<Future<Void>> writes = new ArrayList<>();
    for (String id : sessions.ids()) {
      writes.add(handOver(id));
    }
    return Future.join(writes);
  }

  private Future<Void> handOver(String id) {
    DetectorSession session = sessions.find(id, System.nanoTime());
    sessions.remove(id);
    return session == null ? Future.succeededFuture() : store.save(id, session.snapshot(nextWrite()));
  }
}
