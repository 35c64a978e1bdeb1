package io.anomalygateway.drift;

import io.anomalygateway.drift.stats.MultipleTesting;
import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.TopicEvents;
import io.anomalygateway.protocol.bus.ConfigureCommand;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.DriftObservation;
import io.anomalygateway.protocol.bus.DriftObservations;
import io.anomalygateway.protocol.bus.DriftQuery;
import io.anomalygateway.protocol.bus.DriftReport;
import io.anomalygateway.protocol.bus.DriftSettings;
import io.anomalygateway.protocol.bus.DriftStatus;
import io.anomalygateway.protocol.bus.SessionQuery;
import io.anomalygateway.runtime.capacity.CapacityOptions;
import io.anomalygateway.runtime.cluster.Rendezvous;
import io.anomalygateway.runtime.cluster.Service;
import io.anomalygateway.runtime.worker.WorkerVerticle;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Watches every session's stream for concept drift. Deploy it as a worker verticle: it receives each block of
 * scored samples from the detector, answers {@code drift} requests, and publishes a {@link DriftEvent} on
 * {@link Addresses#DRIFT_EVENTS} when continuous monitoring finds drift.
 */
public final class DriftVerticle extends WorkerVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(DriftVerticle.class);

  private final Map<DriftMethod, Counter> detections = new EnumMap<>(DriftMethod.class);
  private DriftOptions options;
  private DriftSessions sessions;

  /** A drift monitor with the settings of its deployment's {@code drift} section. */
  public DriftVerticle() {
    super(Service.DRIFT);
  }

  @Override
  protected Future<?> startService() {
    // Every method's counter exists from the start, so that dashboards show 0 rather than no series.
    for (DriftMethod method : DriftMethod.values()) {
      detections.put(method, meters().counter("anomaly.drift.detections", "Drifts declared, by method",
          "method", method.wireName()));
    }
    options = settings("drift", DriftOptions.class);
    CapacityOptions capacity = settings("capacity", CapacityOptions.class);
    sessions = new DriftSessions(options, capacity.stateBudget(vertx), capacity.evictionIdleNanos());
    this.<DriftObservations>consume(Addresses.ofInstance(Addresses.DRIFT_OBSERVE, instanceId),
        m -> m.body().observations().forEach(this::observe));
    answer(Addresses.DRIFT_CHECK, this::check);
    answer(Addresses.DRIFT_CONFIGURE, this::configure);
    answer(Addresses.DRIFT_STATUS, this::status);
    return Future.succeededFuture();
  }

  @Override
  protected Duration idleTimeout() {
    return options.sessionIdleTimeout();
  }

  @Override
  protected int sweepIdle(long now) {
    return sessions.evictIdle(now);
  }

  /** Sessions now owned by another instance start there afresh; keeping them here would only hold memory. */
  @Override
  protected void membersChanged(Rendezvous members) {
    int moved = sessions.retainOwned(id -> instanceId.equals(members.owner(id)));
    if (moved > 0) {
      LOG.info("{} sessions moved to another drift instance", moved);
    }
  }

  @Override
  protected void fenced() {
    sessions.retainOwned(id -> false);
  }

  /**
   * Observations have nobody to answer: when the state budget has no room for a session's growth, its samples are
   * not observed (and counted in {@code state_refusals}), and its drift answers stay with what it has.
   */
  private void observe(DriftObservation observation) {
    long now = System.nanoTime();
    SessionDrift session = sessions.open(observation.sessionId(), now);
    session.reservation().claim(observation.tenant());
    if (!sessions.reserve(session, observation.samples().count(), observation.samples().dims(), now)) {
      LOG.debug("No state memory to observe session {}; {} samples skipped", observation.sessionId(),
          observation.samples().count());
      return;
    }
    List<DriftEvent> events = session.observe(observation.samples(), observation.scores());
    for (DriftEvent event : events) {
      LOG.info("Drift in session {} at sample {} ({}, features {})", event.sessionId(), event.sample(),
          event.method().wireName(), event.features().stream().map(f -> f.index()).toList());
      detections.get(event.method()).increment();
      vertx.eventBus().publish(Addresses.DRIFT_EVENTS, event);
      TopicEvents.publish(vertx.eventBus(), Topic.DRIFT, TopicEvents.drift(event));
    }
  }

  private DriftReport check(DriftQuery query) {
    int windowSize = query.windowSize() > 0 ? query.windowSize() : options.windowSize();
    if (windowSize > options.maxWindowSize()) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'window_size' must be between 10 and "
          + options.maxWindowSize() + ".");
    }
    DriftMethod method = query.method() != null ? query.method() : options.method();
    double alpha = Double.isNaN(query.alpha()) ? options.alpha() : query.alpha();
    MultipleTesting correction = options.correction();
    SessionDrift session = sessions.open(query.sessionId(), System.nanoTime());
    if (query.reset()) {
      session.reset();
      return new DriftReport(DriftReport.RESET, false, method, windowSize, 0, 0, alpha, correction.wireName(), 0,
          List.of(), null, -1);
    }
    return session.report(windowSize, method, alpha, correction);
  }

  private DriftSettings configure(ConfigureCommand command) {
    return sessions.open(command.sessionId(), System.nanoTime())
        .configure(command.update().onDrift(), command.update().driftMonitor());
  }

  private DriftStatus status(SessionQuery query) {
    return sessions.open(query.sessionId(), System.nanoTime()).status();
  }
}
