package io.anomalygateway.detector;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.TopicEvents;
import io.anomalygateway.protocol.bus.DriftObservation;
import io.anomalygateway.protocol.bus.ScoreCommand;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.ScoreSummary;
import io.anomalygateway.protocol.bus.Verdict;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.eventbus.EventBus;

/**
 * Tells the rest of the system what was scored, without waiting for anyone: the session's drift monitor gets every
 * sample with its score, the anomalies topic every anomaly, and the session's alerts instance a summary (anomaly
 * rates are per sample, so it needs the normal samples too). Drift and alerts state is per session, so each goes to
 * the instance that owns the session; when there is none (that role is not running), the message is dropped.
 */
final class ScoreAnnouncer {

  private final EventBus bus;
  private final InstanceDirectory directory;

  ScoreAnnouncer(EventBus bus, InstanceDirectory directory) {
    this.bus = bus;
    this.directory = directory;
  }

  void announce(ScoreCommand command, ScoreReply reply) {
    forwardToDrift(command, reply);
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
    sendToOwner(Service.ALERTS, Addresses.ALERTS_OBSERVE, command.sessionId(),
        new ScoreSummary(command.sessionId(), samples.count(), anomalies, reply.algorithm()));
  }

  private void forwardToDrift(ScoreCommand command, ScoreReply reply) {
    double[] scores = new double[reply.verdicts().size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = reply.modelFitted() ? reply.verdicts().get(i).score() : Double.NaN;
    }
    sendToOwner(Service.DRIFT, Addresses.DRIFT_OBSERVE, command.sessionId(),
        new DriftObservation(command.sessionId(), command.samples(), scores, command.tenant()));
  }

  private void sendToOwner(Service service, String address, String sessionId, Object message) {
    String owner = directory.owner(service, sessionId);
    if (owner != null) {
      bus.send(Addresses.ofInstance(address, owner), message);
    }
  }
}
