package io.anomalygateway.detector;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.TopicEvents;
import io.anomalygateway.protocol.bus.DriftObservation;
import io.anomalygateway.protocol.bus.DriftObservations;
import io.anomalygateway.protocol.bus.ScoreCommand;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.ScoreSummaries;
import io.anomalygateway.protocol.bus.ScoreSummary;
import io.anomalygateway.protocol.bus.Verdict;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.Context;
import io.vertx.core.eventbus.EventBus;

import java.util.function.BiFunction;

/**
 * Tells the rest of the system what was scored, without waiting for anyone: the session's drift monitor gets every
 * sample with its score, the anomalies topic every anomaly, and the session's alerts instance a summary (anomaly
 * rates are per sample, so it needs the normal samples too). Drift and alerts state is per session, so each goes to
 * the instance that owns the session; when there is none (that role is not running), the message is dropped.
 *
 * <p>Observations are coalesced: what the detector scores in one turn of its context (every request already
 * queued when it started) travels as one batch per drift or alerts instance, sent as soon as that turn ends. A lone
 * request is therefore not delayed, and under load each observer takes one message, one hand-off and one wake-up
 * for many requests instead of one each. Each session's observations keep their order.
 */
final class ScoreAnnouncer {

  /** Announcements after which a turn flushes at once. */
  private static final int MOST_WAITING = 256;

  private final Context context;
  private final EventBus bus;
  private final BiFunction<Service, String, String> owner;
  private final Outbox<DriftObservation> drift;
  private final Outbox<ScoreSummary> alerts;
  /** Announcements since the last flush; the first schedules one. */
  private int waiting;

  /**
   * @param context the detector's context, on which every announcement is made
   * @param owner the instance of a service that owns a session, or {@code null} when that role is not running
   */
  ScoreAnnouncer(Context context, EventBus bus, BiFunction<Service, String, String> owner) {
    this.context = context;
    this.bus = bus;
    this.owner = owner;
    this.drift = new Outbox<>(bus, DriftObservations::new);
    this.alerts = new Outbox<>(bus, ScoreSummaries::new);
  }

  void announce(ScoreCommand command, ScoreReply reply) {
    boolean observed = forwardToDrift(command, reply);
    int anomalies = 0;
    Samples samples = command.samples();
    for (int row = 0; row < reply.verdicts().size(); row++) {
      Verdict verdict = reply.verdicts().get(row);
      if (verdict.anomaly()) {
        anomalies++;
        TopicEvents.publish(bus, Topic.ANOMALIES, TopicEvents.anomaly(command.sessionId(), reply.algorithm(),
            verdict, reply.threshold(), samples.values(), row * samples.dims(), samples.dims()));
      }
    }
    String alertsOwner = owner.apply(Service.ALERTS, command.sessionId());
    if (alertsOwner != null) {
      alerts.add(Addresses.ofInstance(Addresses.ALERTS_OBSERVE, alertsOwner),
          new ScoreSummary(command.sessionId(), samples.count(), anomalies, reply.algorithm()));
      observed = true;
    }
    if (observed) {
      flushAfterThisTurn();
    }
  }

  /** Sends what waits now: when the detector stops, nothing scored goes unannounced. */
  void flush() {
    waiting = 0;
    drift.flush();
    alerts.flush();
  }

  /** @return whether a drift instance will get the observation */
  private boolean forwardToDrift(ScoreCommand command, ScoreReply reply) {
    String driftOwner = owner.apply(Service.DRIFT, command.sessionId());
    if (driftOwner == null) {
      return false;
    }
    double[] scores = new double[reply.verdicts().size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = reply.modelFitted() ? reply.verdicts().get(i).score() : Double.NaN;
    }
    drift.add(Addresses.ofInstance(Addresses.DRIFT_OBSERVE, driftOwner),
        new DriftObservation(command.sessionId(), command.samples(), scores, command.tenant()));
    return true;
  }

  /**
   * Schedules the flush behind the requests queued now; a turn that keeps finding requests flushes every
   * {@value #MOST_WAITING} announcements instead, so that observers never wait on a long turn.
   */
  private void flushAfterThisTurn() {
    if (++waiting == 1) {
      context.runOnContext(v -> flush());
    } else if (waiting >= MOST_WAITING) {
      flush();
    }
  }
}
