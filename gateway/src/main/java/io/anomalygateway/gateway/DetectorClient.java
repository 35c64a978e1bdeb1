package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.ConfigureCommand;
import io.anomalygateway.protocol.bus.DriftQuery;
import io.anomalygateway.protocol.bus.DriftReport;
import io.anomalygateway.protocol.bus.DriftSettings;
import io.anomalygateway.protocol.bus.DriftStatus;
import io.anomalygateway.protocol.bus.ScoreCommand;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.SessionQuery;
import io.anomalygateway.protocol.bus.SessionStats;
import io.anomalygateway.protocol.wire.DriftRequest;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

/**
 * The gateway's only way to the detector and the drift monitor: event-bus requests with a timeout, so that a lost
 * worker costs a request its answer time, never the connection.
 */
final class DetectorClient {

  private final EventBus bus;
  private final DeliveryOptions delivery;

  DetectorClient(EventBus bus, double timeoutSeconds) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(Math.max(1L, Math.round(timeoutSeconds * 1000)));
  }

  Future<ScoreReply> score(String sessionId, Algorithm algorithm, Samples samples) {
    return bus.<ScoreReply>request(Addresses.DETECTOR_SCORE, new ScoreCommand(sessionId, algorithm, samples),
        delivery).map(Message::body);
  }

  Future<SessionStats> stats(String sessionId) {
    return bus.<SessionStats>request(Addresses.DETECTOR_STATS, new SessionQuery(sessionId), delivery)
        .map(Message::body);
  }

  Future<SessionSettings> configure(String sessionId, ConfigUpdate update) {
    return bus.<SessionSettings>request(Addresses.DETECTOR_CONFIGURE, new ConfigureCommand(sessionId, update),
        delivery).map(Message::body);
  }

  Future<DriftReport> drift(String sessionId, DriftRequest request) {
    DriftQuery query = new DriftQuery(sessionId, request.windowSize() == null ? 0 : request.windowSize(),
        request.method(), request.alpha() == null ? Double.NaN : request.alpha(), request.reset());
    return bus.<DriftReport>request(Addresses.DRIFT_CHECK, query, delivery).map(Message::body);
  }

  Future<DriftSettings> configureDrift(String sessionId, ConfigUpdate update) {
    return bus.<DriftSettings>request(Addresses.DRIFT_CONFIGURE, new ConfigureCommand(sessionId, update), delivery)
        .map(Message::body);
  }

  Future<DriftStatus> driftStatus(String sessionId) {
    return bus.<DriftStatus>request(Addresses.DRIFT_STATUS, new SessionQuery(sessionId), delivery)
        .map(Message::body);
  }
}
