package io.anomalygateway.alerts;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.TopicEvents;
import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.ScoreSummary;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.cluster.Presence;
import io.anomalygateway.runtime.cluster.PresenceBeacon;
import io.anomalygateway.runtime.cluster.Service;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns what the system observes into alerts: anomaly rates per session (from the detector's score summaries),
 * drift (from the drift monitor's events) and each gateway node's error rate, processing time and connections (from
 * the {@code stats} topic). Alerts go to the {@code alerts} topic. Rules come from {@code alerts.json} and are
 * reloaded when the file changes, or on a message to {@link Addresses#ALERTS_RELOAD}, without a restart; an
 * invalid file leaves the rules in force. Deploy it as a worker verticle.
 */
public final class AlertsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsVerticle.class);

  private final String instanceId = UUID.randomUUID().toString();
  private InstanceDirectory directory;
  private AlertsOptions options;
  private AlertEngine engine;
  private long rulesModified = -1;
  private long reloadTimer;
  private long sweepTimer;

  @Override
  public Future<?> start() {
    for (String severity : new String[] {"info", "warning", "critical"}) {
      Metrics.counter("anomaly.alerts", "severity", severity, "status", "firing");
    }
    options = new AlertsOptions(config());
    engine = new AlertEngine((session, alert) -> {
      LOG.info("Alert {} {}: {}", alert.getString("status"), alert.getString("rule"),
          alert.getJsonObject("metadata").getString("title"));
      Metrics.counter("anomaly.alerts", "severity", String.valueOf(alert.getString("severity")),
          "status", String.valueOf(alert.getString("status"))).increment();
      TopicEvents.publish(vertx.eventBus(), Topic.ALERTS, TopicEvents.alert(session, alert));
    }, options.getIdleTimeout());
    BusCodecs.register(vertx);
    EventBus bus = vertx.eventBus();
    ClusterOptions cluster = new ClusterOptions(config().getJsonObject("cluster"));
    directory = new InstanceDirectory(vertx, cluster);
    Presence presence = new Presence(Service.ALERTS, instanceId, cluster.getNodeId(), false);
    return loadRules().compose(rules -> {
      engine.rules(rules);
      reloadTimer = vertx.setPeriodic(Math.round(options.getReloadInterval() * 1000), id -> reloadIfChanged());
      sweepTimer = vertx.setPeriodic(1_000, id -> engine.sweep(System.nanoTime()));
      return Future.all(List.of(
          bus.<ScoreSummary>consumer(Addresses.ofInstance(Addresses.ALERTS_OBSERVE, instanceId),
              m -> engine.onScores(m.body(), System.nanoTime())).completion(),
          bus.<DriftEvent>consumer(Addresses.DRIFT_EVENTS, m -> {
            if (owns(m.body().sessionId())) {
              engine.onDrift(m.body(), System.nanoTime());
            }
          }).completion(),
          bus.<JsonObject>consumer(Topic.STATS.address(), m -> {
            JsonObject stats = m.body().getJsonObject("stats");
            if (m.body().getValue("session_id") == null && stats != null && owns("node:" + stats.getString("node"))) {
              engine.onNodeStats(stats, System.nanoTime());
            }
          }).completion(),
          directory.start(),
          bus.consumer(Addresses.ALERTS_RELOAD, m -> loadRules()
              .onSuccess(reloaded -> {
                engine.rules(reloaded);
                m.reply(rulesJson());
              })
              .onFailure(e -> m.fail(400, e.getMessage()))).completion()));
    }).compose(v -> vertx.deployVerticle(new PresenceBeacon(presence, cluster, context, () -> { })));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(reloadTimer);
    vertx.cancelTimer(sweepTimer);
    directory.stop();
    return Future.succeededFuture();
  }

  /**
   * Events every alerts instance receives (drift, node statistics) are judged by one: the owner of their session or
   * node, as score summaries are. Before this instance knows any (it just started), it judges them all.
   */
  private boolean owns(String key) {
    String owner = directory.owner(Service.ALERTS, key);
    return owner == null || owner.equals(instanceId);
  }

  /** Reads the rules file off the event loop (Vert.x's file system reads on its worker pool). */
  private Future<List<AlertRule>> loadRules() {
    return vertx.fileSystem().readFile(options.getRulesFile()).map(this::parse);
  }

  private List<AlertRule> parse(Buffer content) {
    JsonArray entries = new JsonObject(content).getJsonArray("rules", new JsonArray());
    List<AlertRule> rules = new ArrayList<>();
    for (Object entry : entries) {
      AlertRule rule = AlertRule.fromJson((JsonObject) entry);
      if (rules.stream().anyMatch(r -> r.name().equals(rule.name()))) {
        throw new IllegalArgumentException("two rules are named " + rule.name());
      }
      rules.add(rule);
    }
    return rules;
  }

  private void reloadIfChanged() {
    vertx.fileSystem().props(options.getRulesFile())
        .onSuccess(props -> {
          if (rulesModified >= 0 && props.lastModifiedTime() != rulesModified) {
            loadRules().onSuccess(rules -> {
              engine.rules(rules);
              LOG.info("Reloaded {} alert rules from {}", rules.size(), options.getRulesFile());
            }).onFailure(e -> LOG.warn("Alert rules in {} are invalid, keeping the current ones: {}",
                options.getRulesFile(), e.getMessage()));
          }
          rulesModified = props.lastModifiedTime();
        });
  }

  private JsonObject rulesJson() {
    JsonArray rules = new JsonArray();
    for (AlertRule rule : engine.rules()) {
      rules.add(new JsonObject().put("name", rule.name()).put("type", rule.type()).put("severity", rule.severity())
          .put("threshold", rule.threshold()).put("cooldown", rule.cooldownSeconds()));
    }
    return new JsonObject().put("rules", rules);
  }
}
