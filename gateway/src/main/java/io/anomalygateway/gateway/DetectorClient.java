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
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.Future;

/**
 * The gateway's only way to the detector and the drift monitor: requests to the instance that owns the session,
 * with a timeout and failover ({@link SessionRouter}), so that a lost worker costs a request its answer time at
 * most, never the connection.
 */
final class DetectorClient {

  private final SessionRouter router;

  DetectorClient(SessionRouter router) {
    this.router = router;
  }

  Future<ScoreReply> score(String sessionId, Algorithm algorithm, Samples samples, String requestKey,
                           String tenant) {
    return router.request(Service.DETECTOR, Addresses.DETECTOR_SCORE, sessionId,
        new ScoreCommand(sessionId, algorithm, samples, requestKey, tenant));
  }

  Future<SessionStats> stats(String sessionId) {
    return router.request(Service.DETECTOR, Addresses.DETECTOR_STATS, sessionId, new SessionQuery(sessionId));
  }

  Future<SessionSettings> configure(String sessionId, ConfigUpdate update) {
    return router.request(Service.DETECTOR, Addresses.DETECTOR_CONFIGURE, sessionId,
        new ConfigureCommand(sessionId, update));
  }

  Future<DriftReport> drift(String sessionId, DriftRequest request) {
    DriftQuery query = new DriftQuery(sessionId, request.windowSize() == null ? 0 : request.windowSize(),
        request.method(), request.alpha() == null ? Double.NaN : request.alpha(), request.reset());
    return observed(sessionId).compose(v -> router.request(Service.DRIFT, Addresses.DRIFT_CHECK, sessionId, query));
  }

  Future<DriftSettings> configureDrift(String sessionId, ConfigUpdate update) {
    return router.request(Service.DRIFT, Addresses.DRIFT_CONFIGURE, sessionId,
        new ConfigureCommand(sessionId, update));
  }

  Future<DriftStatus> driftStatus(String sessionId) {
    return observed(sessionId).compose(v -> router.request(Service.DRIFT, Addresses.DRIFT_STATUS, sessionId,
        new SessionQuery(sessionId)));
  }

  /**
   * Passes the detector's barrier ({@link Addresses#DETECTOR_OBSERVED}): the session's scored samples are on their
   * way to its drift instance, ahead of the read that follows. Without a detector there is nothing in flight, so
   * the read goes ahead all the same.
   */
  private Future<Void> observed(String sessionId) {
    return router.<SessionQuery>request(Service.DETECTOR, Addresses.DETECTOR_OBSERVED, sessionId,
        new SessionQuery(sessionId)).<Void>mapEmpty().otherwiseEmpty();
  }
}
