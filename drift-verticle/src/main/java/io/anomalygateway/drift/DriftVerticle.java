package io.anomalygateway.drift;

import io.anomalygateway.drift.stats.MultipleTesting;
import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.runtime.capacity.CapacityOptions;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.TopicEvents;
import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.protocol.bus.ConfigureCommand;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.micrometer.core.instrument.Metrics;
import io.anomalygateway.protocol.bus.DriftObservation;
import io.anomalygateway.protocol.bus.DriftQuery;
import io.anomalygateway.protocol.bus.DriftReport;
import io.anomalygateway.protocol.bus.DriftSettings;
import io.anomalygateway.protocol.bus.DriftStatus;
import io.anomalygateway.protocol.bus.SessionQuery;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.cluster.Presence;
import io.anomalygateway.runtime.cluster.PresenceBeacon;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Watches every session's stream for concept drift. Deploy it as a worker verticle: it receives each block of
 * scored samples from the detector, answers {@code drift} requests, and publishes a {@link DriftEvent} on
 * {@link Addresses#DRIFT_EVENTS} when continuous monitoring finds drift.
 */
public final class DriftVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DriftVerticle.class);

  private final String instanceId = UUID.randomUUID().toString();
  private DriftOptions options;
  private DriftSessions sessions;
  private InstanceDirectory directory;
  private long evictionTimer;

  @Override
  public Future<?> start() {
    // Every method's counter exists from the start, so that dashboards show 0 rather than no series.
    for (DriftMethod method : DriftMethod.values()) {
      Metrics.counter("anomaly.drift.detections", "method", method.wireName());
    }
    options = new DriftOptions(config());
    CapacityOptions capacity = CapacityOptions.fromJson(config().getJsonObject("capacity"));
    sessions = new DriftSessions(options, capacity.stateBudget(vertx), capacity.evictionIdleNanos());
    long sweepMillis = Math.max(1_000L, Math.min(60_000L, Math.round(options.getSessionIdleTimeout() * 100)));
    evictionTimer = vertx.setPeriodic(sweepMillis, id -> sessions.evictIdle(System.nanoTime()));
    ClusterOptions cluster = new ClusterOptions(config().getJsonObject("cluster"));
    directory = new InstanceDirectory(vertx, cluster);
    directory.onChange((service, members) -> {
      if (service == Service.DRIFT && members.instances().contains(instanceId)) {
        int moved = sessions.retainOwned(id -> instanceId.equals(members.owner(id)));
        if (moved > 0) {
          LOG.info("{} sessions moved to another drift instance", moved);
        }
      }
    });
    BusCodecs.register(vertx);
    EventBus bus = vertx.eventBus();
    Presence presence = new Presence(Service.DRIFT, instanceId, cluster.getNodeId(), false);
    return Future.all(List.of(
        bus.<DriftObservation>consumer(own(Addresses.DRIFT_OBSERVE), m -> observe(m.body())).completion(),
        bus.<DriftQuery>consumer(own(Addresses.DRIFT_CHECK), m -> handle(m, this::check)).completion(),
        bus.<ConfigureCommand>consumer(own(Addresses.DRIFT_CONFIGURE), m -> handle(m, this::configure)).completion(),
        bus.<SessionQuery>consumer(own(Addresses.DRIFT_STATUS), m -> handle(m, this::status)).completion(),
        directory.start()))
        .compose(v -> vertx.deployVerticle(new PresenceBeacon(presence, cluster, context,
            () -> sessions.retainOwned(id -> false))));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(evictionTimer);
    directory.stop();
    return Future.succeededFuture();
  }

  private String own(String address) {
    return Addresses.ofInstance(address, instanceId);
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
      Metrics.counter("anomaly.drift.detections", "method", event.method().wireName()).increment();
      vertx.eventBus().publish(Addresses.DRIFT_EVENTS, event);
      TopicEvents.publish(vertx.eventBus(), Topic.DRIFT, TopicEvents.drift(event));
    }
  }

  private DriftReport check(DriftQuery query) {
    int windowSize = query.windowSize() > 0 ? query.windowSize() : options.getWindowSize();
    if (windowSize > options.getMaxWindowSize()) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'window_size' must be between 10 and "
          + options.getMaxWindowSize() + ".");
    }
    DriftMethod method = query.method() != null ? query.method() : options.getMethod();
    double alpha = Double.isNaN(query.alpha()) ? options.getAlpha() : query.alpha();
    MultipleTesting correction = options.getCorrection();
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

  private <T, R> void handle(Message<T> message, Function<T, R> handler) {
    try {
      message.reply(handler.apply(message.body()));
    } catch (ProtocolException e) {
      message.fail(e.error().code().failureCode(), e.error().failureText());
    } catch (RuntimeException e) {
      LOG.error("Drift request failed", e);
      message.fail(ErrorCode.INTERNAL_ERROR.failureCode(), ErrorCode.INTERNAL_ERROR.genericMessage());
    }
  }
}
