package io.anomalygateway.detector;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.TopicEvents;
import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.protocol.bus.ConfigureCommand;
import io.anomalygateway.protocol.bus.DetectorLoad;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.DriftObservation;
import io.anomalygateway.protocol.bus.ScoreSummary;
import io.anomalygateway.protocol.bus.Verdict;
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

  private DetectorOptions options;
  private DetectorSessions sessions;
  private ModelCatalog models;
  private WorkerExecutor fitPool;
  private FitScheduler fits;
  private long evictionTimer;

  @Override
  public Future<?> start() {
    options = new DetectorOptions(config());
    models = new ModelCatalog(options);
    sessions = new DetectorSessions(id -> new DetectorSession(id, options.getSessionDefaults(), models::create),
        options.getMaxSessions(), options.getSessionIdleTimeout());
    fitPool = vertx.createSharedWorkerExecutor("anomaly-detector-fit", options.getFitThreads());
    fits = new FitScheduler(vertx, fitPool, models, options.getFitThreads(), options.getFitCpuShare());
    long sweepMillis = Math.max(1_000L, Math.min(60_000L, Math.round(options.getSessionIdleTimeout() * 100)));
    evictionTimer = vertx.setPeriodic(sweepMillis, id -> evictIdleSessions());
    BusCodecs.register(vertx);
    EventBus bus = vertx.eventBus();
    return Future.all(List.of(
        bus.<ScoreCommand>consumer(Addresses.DETECTOR_SCORE, m -> handle(m, this::score)).completion(),
        bus.<SessionQuery>consumer(Addresses.DETECTOR_STATS, m -> handle(m, this::stats)).completion(),
        bus.<ConfigureCommand>consumer(Addresses.DETECTOR_CONFIGURE, m -> handle(m, this::configure)).completion(),
        bus.<DriftEvent>consumer(Addresses.DRIFT_EVENTS, m -> onDrift(m.body())).completion()));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(evictionTimer);
    return fitPool.close();
  }

  private ScoreReply score(ScoreCommand command) {
    DetectorSession session = sessions.open(command.sessionId(), System.nanoTime());
    ScoreReply reply = session.score(command.algorithm(), command.samples());
    forwardToDrift(command, reply);
    announce(command, reply);
    SessionModel model = session.model(reply.algorithm());
    if (model instanceof RefittedModel && ((RefittedModel) model).isFitDue(session.settings())) {
      fits.submit((RefittedModel) model, session.settings());
    }
    return reply;
  }

  /** The drift monitor sees every scored sample with its score; nothing waits for it. */
  private void forwardToDrift(ScoreCommand command, ScoreReply reply) {
    double[] scores = new double[reply.verdicts().size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = reply.modelFitted() ? reply.verdicts().get(i).score() : Double.NaN;
    }
    vertx.eventBus().send(Addresses.DRIFT_OBSERVE, new DriftObservation(command.sessionId(), command.samples(),
        scores));
  }

  /**
   * Publishes each anomaly on the anomalies topic, and tells the alerts verticle what was scored (anomaly rates are
   * per sample, so the alerts need the normal samples too).
   */
  private void announce(ScoreCommand command, ScoreReply reply) {
    int anomalies = 0;
    Samples samples = command.samples();
    for (int row = 0; row < reply.verdicts().size(); row++) {
      Verdict verdict = reply.verdicts().get(row);
      if (verdict.anomaly()) {
        anomalies++;
        TopicEvents.publish(vertx.eventBus(), Topic.ANOMALIES, TopicEvents.anomaly(command.sessionId(),
            reply.algorithm(), verdict, reply.threshold(), samples.values(), row * samples.dims(), samples.dims()));
      }
    }
    vertx.eventBus().send(Addresses.ALERTS_OBSERVE, new ScoreSummary(command.sessionId(), samples.count(),
        anomalies, reply.algorithm()));
  }

  /** A drift with the session's policy "refit": forget the samples before it and fit on those after. */
  private void onDrift(DriftEvent event) {
    if (!event.refit()) {
      return;
    }
    DetectorSession session = sessions.find(event.sessionId(), System.nanoTime());
    if (session != null) {
      LOG.info("Refitting session {} on its {} samples since drift", event.sessionId(), event.recentSize());
      session.forgetBefore(event.recentSize());
    }
  }

  private SessionStats stats(SessionQuery query) {
    DetectorSession session = sessions.find(query.sessionId(), System.nanoTime());
    return (session != null ? session : sessions.unseen(query.sessionId())).stats(load());
  }

  private SessionSettings configure(ConfigureCommand command) {
    return sessions.open(command.sessionId(), System.nanoTime()).configure(command.update());
  }

  private DetectorLoad load() {
    return new DetectorLoad(sessions.size(), sessions.evictions());
  }

  private void evictIdleSessions() {
    int evicted = sessions.evictIdle(System.nanoTime());
    if (evicted > 0) {
      LOG.info("Evicted {} idle sessions; {} remain", evicted, sessions.size());
    }
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
