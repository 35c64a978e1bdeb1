package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.ResponseType;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.bus.DriftSettings;
import io.anomalygateway.protocol.bus.DriftStatus;
import io.anomalygateway.protocol.bus.ScoreCommand;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.wire.BatchRequest;
import io.anomalygateway.protocol.wire.ConfigRequest;
import io.anomalygateway.protocol.wire.DriftRequest;
import io.anomalygateway.protocol.wire.PingRequest;
import io.anomalygateway.protocol.wire.Request;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.anomalygateway.protocol.wire.SampleRequest;
import io.anomalygateway.protocol.wire.StatsRequest;
import io.anomalygateway.protocol.wire.SubscribeRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Answers each valid request of a peer: scoring goes to the detector and drift questions to the drift monitor over
 * the event bus; everything the gateway knows itself is answered at once. Every request gets exactly one answer, a
 * response or an error.
 */
final class RequestHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

  private final DetectorClient detector;
  private final StatsReport statsReport;
  private final TopicRouter topics;
  private final TrafficMeter traffic;
  private final int maxBatchSize;
  private final GatewayMeters meters;

  RequestHandler(DetectorClient detector, ConnectionRegistry registry, TopicRouter topics, TrafficMeter traffic,
                 GatewayMeters meters, int maxBatchSize) {
    this.detector = detector;
    this.statsReport = new StatsReport(registry);
    this.topics = topics;
    this.traffic = traffic;
    this.maxBatchSize = maxBatchSize;
    this.meters = meters;
  }

  void handle(Peer peer, Request request, long receivedAt) {
    handle(peer, request, receivedAt, () -> { });
  }

  /**
   * @param held runs once the request no longer holds its samples: when a batch is answered, at once for the rest
   *     (their data is small), so that the gateway's request budget gets its bytes back
   */
  void handle(Peer peer, Request request, long receivedAt, Runnable held) {
    if (!(request instanceof BatchRequest) || !peer.principal().may(request.type(), false)) {
      held.run();
    }
    boolean allSessions = request instanceof SubscribeRequest && ((SubscribeRequest) request).allSessions()
        && request.type() == RequestType.SUBSCRIBE;
    if (!peer.principal().may(request.type(), allSessions)) {
      fail(peer, request.requestId(), new ProtocolException(ErrorCode.FORBIDDEN, "The role '"
          + peer.principal().role().claim() + "' may not " + (allSessions ? "subscribe to every session"
          : "send '" + request.type().wireName() + "'") + "."));
      return;
    }
    if (request instanceof SampleRequest) {
      sample(peer, (SampleRequest) request, receivedAt);
    } else if (request instanceof BatchRequest) {
      BatchRequest batch = (BatchRequest) request;
      score(peer, batch.requestId(), batch.algorithm(), batch.rows(), receivedAt, true, held);
    } else if (request instanceof StatsRequest) {
      stats(peer, request.requestId());
    } else if (request instanceof PingRequest) {
      peer.send(ResponseWriter.message(ResponseType.PONG, request.requestId(), ServerClock.timestamp(),
          new JsonObject()));
    } else if (request instanceof ConfigRequest) {
      config(peer, (ConfigRequest) request);
    } else if (request instanceof DriftRequest) {
      drift(peer, (DriftRequest) request);
    } else if (request instanceof SubscribeRequest) {
      subscription(peer, (SubscribeRequest) request);
    } else {
      // Only a WebSocket connection swaps tokens (it does so itself); the bridge checks a token on every message.
      fail(peer, request.requestId(), new ProtocolException(ErrorCode.UNSUPPORTED_TYPE, "'"
          + request.type().wireName() + "' is only for WebSocket connections."));
    }
  }

  private void sample(Peer peer, SampleRequest request, long receivedAt) {
    SampleBatcher batcher = peer.batcher();
    if (batcher == null || !batcher.offer(request, receivedAt)) {
      score(peer, request.requestId(), request.algorithm(), request.data(), receivedAt, false, () -> { });
    }
  }

  private void score(Peer peer, String requestId, Algorithm algorithm, Samples samples, long receivedAt,
                     boolean batch, Runnable held) {
    // Only WebSocket clients resend after a reconnect, under their own client id; bridge requests share one id.
    String requestKey = peer instanceof Connection ? ScoreCommand.requestKey(peer.clientId(), requestId) : null;
    detector.score(peer.sessionId(), algorithm, samples, requestKey, peer.principal().tenant()).onComplete(done -> {
      held.run();
      if (done.failed()) {
        fail(peer, requestId, done.cause());
        return;
      }
      ScoreReply reply = done.result();
      traffic.scored(peer.sessionId(), reply, receivedAt);
      meters.answered(receivedAt);
      String timestamp = ServerClock.timestamp();
      peer.send(batch ? ResponseWriter.batchResult(requestId, timestamp, reply, millisSince(receivedAt))
          : ResponseWriter.result(requestId, timestamp, reply, 0, millisSince(receivedAt)));
    });
  }

  /** Scores samples that batch mode accumulated and answers each with its own result. */
  void scoreBatched(Peer peer, Algorithm algorithm, Samples samples, List<SampleBatcher.Pending> batch) {
    detector.score(peer.sessionId(), algorithm, samples, null, peer.principal().tenant()).onComplete(done -> {
      if (done.succeeded()) {
        traffic.scored(peer.sessionId(), done.result(), batch.get(0).receivedAt());
        batch.forEach(pending -> meters.answered(pending.receivedAt()));
      }
      String timestamp = ServerClock.timestamp();
      for (int i = 0; i < batch.size(); i++) {
        SampleBatcher.Pending pending = batch.get(i);
        if (done.succeeded()) {
          peer.send(ResponseWriter.result(pending.request().requestId(), timestamp, done.result(), i,
              millisSince(pending.receivedAt())));
        } else {
          fail(peer, pending.request().requestId(), done.cause());
        }
      }
    });
  }

  private void drift(Peer peer, DriftRequest request) {
    detector.drift(peer.sessionId(), request).onComplete(done -> {
      if (done.succeeded()) {
        peer.send(ResponseWriter.driftResult(request.requestId(), ServerClock.timestamp(), done.result()));
      } else {
        fail(peer, request.requestId(), done.cause(), ErrorCode.DRIFT_UNAVAILABLE);
      }
    });
  }

  /** Topic subscriptions belong to WebSocket connections; a bridge client registers on topic addresses instead. */
  private void subscription(Peer peer, SubscribeRequest request) {
    if (!(peer instanceof Connection)) {
      fail(peer, request.requestId(), new ProtocolException(ErrorCode.UNSUPPORTED_TYPE, "Over the event-bus bridge, "
          + "register on the topic addresses instead of subscribing."));
      return;
    }
    Connection connection = (Connection) peer;
    JsonObject answer = new JsonObject().put("topic", request.topic().wireName());
    if (request.type() == RequestType.SUBSCRIBE) {
      TopicHistory.Recovery recovery = topics.subscribe(connection, request.topic(), request.allSessions(),
          request.since());
      answer.put("scope", request.allSessions() ? "all" : "session");
      if (recovery.epoch() != null) {
        answer.put("epoch", recovery.epoch()).put("offset", recovery.offset());
      }
      if (request.since() != null) {
        answer.put("recovered", recovery.recovered());
      }
      peer.send(ResponseWriter.message(ResponseType.SUBSCRIBED, request.requestId(), ServerClock.timestamp(),
          answer));
      recovery.missed().forEach(connection::push);
    } else {
      answer.put("was_subscribed", topics.unsubscribe(connection, request.topic()));
      peer.send(ResponseWriter.message(ResponseType.UNSUBSCRIBED, request.requestId(), ServerClock.timestamp(),
          answer));
    }
  }

  /** The drift monitor's part is optional: without one, stats still answer, without {@code drift}. */
  private void stats(Peer peer, String requestId) {
    Future<DriftStatus> drift = detector.driftStatus(peer.sessionId()).otherwiseEmpty();
    detector.stats(peer.sessionId()).onComplete(done -> drift.onComplete(driftDone -> {
      if (done.succeeded()) {
        peer.send(ResponseWriter.message(ResponseType.STATS, requestId, ServerClock.timestamp(),
            new JsonObject().put("stats", statsReport.of(peer, done.result(), driftDone.result()))));
      } else {
        fail(peer, requestId, done.cause());
      }
    }));
  }

  /**
   * Checks the peer's part of the update first and applies it only once the detector accepted the session's part,
   * so that an invalid update changes nothing.
   */
  private void config(Peer peer, ConfigRequest request) {
    ConnectionSettings next;
    try {
      next = peer.settings().apply(request.update(), maxBatchSize);
    } catch (ProtocolException e) {
      fail(peer, request.requestId(), e);
      return;
    }
    ConfigUpdate update = request.update();
    detector.configure(peer.sessionId(), update).onComplete(done -> {
      if (done.failed()) {
        fail(peer, request.requestId(), done.cause());
        return;
      }
      Future<DriftSettings> drift = detector.configureDrift(peer.sessionId(), update);
      drift.onComplete(driftDone -> {
        if (driftDone.failed() && update.touchesDrift()) {
          fail(peer, request.requestId(), driftDone.cause(), ErrorCode.DRIFT_UNAVAILABLE);
          return;
        }
        peer.settings(next);
        JsonObject config = done.result().toJson().mergeIn(next.toJson());
        if (driftDone.succeeded()) {
          config.mergeIn(driftDone.result().toJson());
        }
        peer.send(ResponseWriter.message(ResponseType.CONFIG_ACK, request.requestId(), ServerClock.timestamp(),
            new JsonObject().put("config", config)));
      });
    });
  }

  private void fail(Peer peer, String requestId, Throwable cause) {
    fail(peer, requestId, cause, ErrorCode.DETECTOR_UNAVAILABLE);
  }

  private void fail(Peer peer, String requestId, Throwable cause, ErrorCode unreachable) {
    ProtocolError error = ProtocolError.ofFailure(cause, unreachable);
    if (error.code().isClientError()) {
      LOG.debug("Request {} of {} refused: {}", requestId, peer.clientId(), error.message());
    } else {
      LOG.warn("Request {} of {} in session {} failed: {} ({})", requestId, peer.clientId(), peer.sessionId(),
          error.code().code(), cause.getMessage());
    }
    traffic.failed(peer.sessionId());
    peer.sendError(requestId, error);
  }

  private static double millisSince(long nanoTime) {
    return Math.round((System.nanoTime() - nanoTime) / 1_000.0) / 1_000.0;
  }
}
