package io.anomalygateway.detector;

import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.cluster.Rendezvous;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private long handedOver;

  SessionOwnership(String instanceId, DetectorSessions sessions, SessionStore store, int snapshotInterval,
                   int dedupWindow, Function<DetectorSession, Future<Void>> warmUp) {
    this.instanceId = instanceId;
    this.sessions = sessions;
    this.store = store;
    this.snapshotInterval = snapshotInterval;
    this.dedupWindow = dedupWindow;
    this.warmUp = warmUp;
  }

  /** @return the session if this instance holds it now, marked as active, else {@code null} */
  DetectorSession held(String id) {
    return sessions.find(id, System.nanoTime());
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
    if (!store.isEnabled()) {
      try {
        return Future.succeededFuture(create ? sessions.open(id, System.nanoTime()) : null);
      } catch (ProtocolException e) {
        return Future.failedFuture(e);
      }
    }
    Future<DetectorSession> restoring = loading.get(id);
    if (restoring == null) {
      restoring = store.load(id).compose(snapshot -> restore(id, snapshot));
      if (!restoring.isComplete()) {
        loading.put(id, restoring);
        restoring.onComplete(done -> loading.remove(id));
      }
    }
    return restoring.map(restored -> install(id, restored, create));
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
    DetectorSession held = held(id);
    if (held != null) {
      return held;
    }
    if (restored == null) {
      return create ? sessions.open(id, System.nanoTime()) : null;
    }
    sessions.install(restored, System.nanoTime());
    return restored;
  }

  /** After a session scored samples: writes its snapshot when {@code snapshot_interval} samples arrived. */
  void scored(DetectorSession session) {
    if (store.isEnabled() && session.isSnapshotDue(snapshotInterval)) {
      store.save(session.id(), session.snapshot());
    }
  }

  /** After a session's settings changed: writes its snapshot at once, settings are rare and precious. */
  void reconfigured(DetectorSession session) {
    if (store.isEnabled()) {
      store.save(session.id(), session.snapshot());
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

  /** @return sessions handed over to another instance */
  long handedOver() {
    return handedOver;
  }

  private Future<Void> handOver(String id) {
    DetectorSession session = sessions.find(id, System.nanoTime());
    sessions.remove(id);
    handedOver++;
    return session == null ? Future.succeededFuture() : store.save(id, session.snapshot());
  }
}
