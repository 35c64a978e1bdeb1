package io.anomalygateway.detector;

import io.anomalygateway.detector.model.FittedModel;
import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.protocol.bus.ConfigureCommand;
import io.anomalygateway.protocol.bus.ScoreCommand;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.SessionQuery;
import io.anomalygateway.protocol.bus.SessionStats;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Function;

/**
 * Owns every session's models and scores samples sent over the event bus. Deploy it as a worker verticle: its
 * handlers then run one at a time on a worker thread, so the session state needs no locks, and fits run on a
 * separate pool ({@code fit_threads}) so that neither this verticle nor any event loop waits for them.
 */
public final class DetectorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DetectorVerticle.class);

  private DetectorSessions sessions;
  private TrainerCatalog trainers;
  private WorkerExecutor fitPool;

  @Override
  public Future<?> start() {
    DetectorOptions options = new DetectorOptions(config());
    sessions = new DetectorSessions(options.getSessionDefaults(), options.getMaxSessions());
    trainers = new TrainerCatalog(options);
    fitPool = vertx.createSharedWorkerExecutor("anomaly-detector-fit", options.getFitThreads());
    BusCodecs.register(vertx);
    EventBus bus = vertx.eventBus();
    return Future.all(List.of(
        bus.<ScoreCommand>consumer(Addresses.DETECTOR_SCORE, m -> handle(m, this::score)).completion(),
        bus.<SessionQuery>consumer(Addresses.DETECTOR_STATS, m -> handle(m, this::stats)).completion(),
        bus.<ConfigureCommand>consumer(Addresses.DETECTOR_CONFIGURE, m -> handle(m, this::configure)).completion()));
  }

  @Override
  public Future<?> stop() {
    return fitPool.close();
  }

  private ScoreReply score(ScoreCommand command) {
    DetectorSession session = sessions.open(command.sessionId());
    ScoreReply reply = session.score(command.algorithm(), command.samples());
    SessionModel model = session.model(reply.algorithm());
    if (model.isFitDue(session.settings())) {
      fit(session.settings(), reply, model);
    }
    return reply;
  }

  private void fit(SessionSettings settings, ScoreReply reply, SessionModel model) {
    Samples rows = model.startFit();
    fitPool.executeBlocking(() -> FittedModel.fit(trainers.trainer(reply.algorithm()), rows, settings.seed(),
            settings.contamination()), false)
        .onComplete(done -> {
          if (done.failed()) {
            LOG.error("Fitting {} on {} rows failed", reply.algorithm().wireName(), rows.count(), done.cause());
          }
          model.finishFit(done.result());
        });
  }

  private SessionStats stats(SessionQuery query) {
    DetectorSession session = sessions.find(query.sessionId());
    return session != null ? session.stats()
        : new DetectorSession(query.sessionId(), sessions.defaults()).stats();
  }

  private SessionSettings configure(ConfigureCommand command) {
    return sessions.open(command.sessionId()).configure(command.update());
  }

  /** Replies with the handler's result; client mistakes fail the message with their protocol code. */
  private <T, R> void handle(Message<T> message, Function<T, R> handler) {
    try {
      message.reply(handler.apply(message.body()));
    } catch (ProtocolException e) {
      message.fail(e.error().code().failureCode(), e.error().message());
    } catch (RuntimeException e) {
      LOG.error("Detector request failed", e);
      message.fail(ErrorCode.INTERNAL_ERROR.failureCode(), ErrorCode.INTERNAL_ERROR.genericMessage());
    }
  }
}
