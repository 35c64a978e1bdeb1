package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.ResponseType;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.bus.DriftSettings;
import io.anomalygateway.protocol.bus.DriftStatus;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.wire.BatchRequest;
import io.anomalygateway.protocol.wire.ConfigRequest;
import io.anomalygateway.protocol.wire.DriftRequest;
import io.anomalygateway.protocol.wire.PingRequest;
import io.anomalygateway.protocol.wire.Request;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.anomalygateway.protocol.wire.SampleRequest;
import io.anomalygateway.protocol.wire.StatsRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers each valid request of a connection: scoring goes to the detector over the event bus, everything the
 * gateway knows itself is answered at once. Every request gets exactly one answer, a response or an error.
 */
final class RequestHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

  private final DetectorClient detector;
  private final StatsReport statsReport;
  private final int maxBatchSize;

  RequestHandler(DetectorClient detector, ConnectionRegistry registry, int maxBatchSize) {
    this.detector = detector;
    this.statsReport = new StatsReport(registry);
    this.maxBatchSize = maxBatchSize;
  }

  void handle(Connection connection, Request request, long receivedAt) {
    if (request instanceof SampleRequest) {
      sample(connection, (SampleRequest) request, receivedAt);
    } else if (request instanceof BatchRequest) {
      batch(connection, (BatchRequest) request, receivedAt);
    } else if (request instanceof StatsRequest) {
      stats(connection, request.requestId());
    } else if (request instanceof PingRequest) {
      connection.send(ResponseWriter.message(ResponseType.PONG, request.requestId(), ServerClock.timestamp(),
          new JsonObject()));
    } else if (request instanceof ConfigRequest) {
      config(connection, (ConfigRequest) request);
    } else if (request instanceof DriftRequest) {
      drift(connection, (DriftRequest) request);
    }
  }

  private void drift(Connection connection, DriftRequest request) {
    detector.drift(connection.sessionId(), request).onComplete(done -> {
      if (done.succeeded()) {
        connection.send(ResponseWriter.driftResult(request.requestId(), ServerClock.timestamp(), done.result()));
      } else {
        fail(connection, request.requestId(), done.cause(), ErrorCode.DRIFT_UNAVAILABLE);
      }
    });
  }

  private void sample(Connection connection, SampleRequest request, long receivedAt) {
    if (connection.batcher().offer(request, receivedAt)) {
      return;
    }
    detector.score(connection.sessionId(), request.algorithm(), request.data()).onComplete(done -> {
      if (done.succeeded()) {
        connection.send(ResponseWriter.result(request.requestId(), ServerClock.timestamp(), ServerClock.sampleId(),
            done.result(), 0, millisSince(receivedAt)));
      } else {
        fail(connection, request.requestId(), done.cause());
      }
    });
  }

  private void batch(Connection connection, BatchRequest request, long receivedAt) {
    detector.score(connection.sessionId(), request.algorithm(), request.rows()).onComplete(done -> {
      if (done.succeeded()) {
        List<String> sampleIds = new ArrayList<>(request.rows().count());
        for (int i = 0; i < request.rows().count(); i++) {
          sampleIds.add(ServerClock.sampleId());
        }
        connection.send(ResponseWriter.batchResult(request.requestId(), ServerClock.timestamp(), sampleIds,
            done.result(), millisSince(receivedAt)));
      } else {
        fail(connection, request.requestId(), done.cause());
      }
    });
  }

  /** Scores samples that batch mode accumulated and answers each with its own result. */
  void scoreBatched(Connection connection, Algorithm algorithm, Samples samples, List<SampleBatcher.Pending> batch) {
    detector.score(connection.sessionId(), algorithm, samples).onComplete(done -> {
      String timestamp = ServerClock.timestamp();
      for (int i = 0; i < batch.size(); i++) {
        SampleBatcher.Pending pending = batch.get(i);
        if (done.succeeded()) {
          ScoreReply reply = done.result();
          connection.send(ResponseWriter.result(pending.request().requestId(), timestamp, ServerClock.sampleId(),
              reply, i, millisSince(pending.receivedAt())));
        } else {
          fail(connection, pending.request().requestId(), done.cause());
        }
      }
    });
  }

  /** The drift monitor's part is optional: without one, stats still answer, without {@code drift}. */
  private void stats(Connection connection, String requestId) {
    Future<DriftStatus> drift = detector.driftStatus(connection.sessionId()).otherwiseEmpty();
    detector.stats(connection.sessionId()).onComplete(done -> drift.onComplete(driftDone -> {
      if (done.succeeded()) {
        connection.send(ResponseWriter.message(ResponseType.STATS, requestId, ServerClock.timestamp(),
            new JsonObject().put("stats", statsReport.of(connection, done.result(), driftDone.result()))));
      } else {
        fail(connection, requestId, done.cause());
      }
    }));
  }

  /**
   * Checks the connection's part of the update first and applies it only once the detector accepted the session's
   * part, so that an invalid update changes nothing.
   */
  private void config(Connection connection, ConfigRequest request) {
    ConnectionSettings next;
    try {
      next = connection.settings().apply(request.update(), maxBatchSize);
    } catch (ProtocolException e) {
      fail(connection, request.requestId(), e);
      return;
    }
    ConfigUpdate update = request.update();
    detector.configure(connection.sessionId(), update).onComplete(done -> {
      if (done.failed()) {
        fail(connection, request.requestId(), done.cause());
        return;
      }
      Future<DriftSettings> drift = detector.configureDrift(connection.sessionId(), update);
      drift.onComplete(driftDone -> {
        if (driftDone.failed() && update.touchesDrift()) {
          fail(connection, request.requestId(), driftDone.cause(), ErrorCode.DRIFT_UNAVAILABLE);
          return;
        }
        connection.settings(next);
        JsonObject config = done.result().toJson().mergeIn(next.toJson());
        if (driftDone.succeeded()) {
          config.mergeIn(driftDone.result().toJson());
        }
        connection.send(ResponseWriter.message(ResponseType.CONFIG_ACK, request.requestId(), ServerClock.timestamp(),
            new JsonObject().put("config", config)));
      });
    });
  }

  private static void fail(Connection connection, String requestId, Throwable cause) {
    fail(connection, requestId, cause, ErrorCode.DETECTOR_UNAVAILABLE);
  }

  private static void fail(Connection connection, String requestId, Throwable cause, ErrorCode unreachable) {
    ProtocolError error = ProtocolError.ofFailure(cause, unreachable);
    if (error.code().isClientError()) {
      LOG.debug("Request {} of {} refused: {}", requestId, connection.clientId(), error.message());
    } else {
      LOG.warn("Request {} of {} in session {} failed: {} ({})", requestId, connection.clientId(),
          connection.sessionId(), error.code().code(), cause.getMessage());
    }
    connection.sendError(requestId, error);
  }

  private static double millisSince(long nanoTime) {
    return Math.round((System.nanoTime() - nanoTime) / 1_000.0) / 1_000.0;
  }
}
