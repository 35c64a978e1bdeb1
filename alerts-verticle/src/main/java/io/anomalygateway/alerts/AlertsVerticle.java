package io.anomalygateway.alerts;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.TopicEvents;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.ScoreSummaries;
import io.anomalygateway.runtime.cluster.Service;
import io.anomalygateway.runtime.worker.WorkerVerticle;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the system observes into alerts: anomaly rates per session (from the detector's score summaries),
 * drift (from the drift monitor's events) and each gateway node's error rate, processing time and connections (from
 * the {@code stats} topic). Alerts go to the {@code alerts} topic. Rules come from {@code alerts.json} and are
 * reloaded when the file changes, or on a message to {@link Addresses#ALERTS_RELOAD}, without a restart; an
 * invalid file leaves the rules in force. Deploy it as a worker verticle.
 */
public final class AlertsVerticle extends WorkerVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsVerticle.class);

  private final Map<String, Counter> fired = new HashMap<>();
  private AlertsOptions options;
  private AlertEngine engine;
  private long rulesModified = -1;
  private long reloadTimer;
  private long driftTimer;

  /** An alerts instance with the settings of its deployment's {@code alerts} section. */
  public AlertsVerticle() {
    super(Service.ALERTS);
  }

  @Override
  protected Future<?> startService() {
    for (Severity severity : Severity.values()) {
      counter(severity.wireName(), "firing");
    }
    options = settings("alerts", AlertsOptions.class);
    engine = new AlertEngine(this::announce, options.idleTimeout());
    this.<ScoreSummaries>consume(Addresses.ofInstance(Addresses.ALERTS_OBSERVE, instanceId), m -> {
      long now = System.nanoTime();
      m.body().summaries().forEach(summary -> engine.onScores(summary, now));
    });
    this.<DriftEvent>consume(Addresses.DRIFT_EVENTS, m -> {
      if (owns(m.body().sessionId())) {
        engine.onDrift(m.body(), System.nanoTime());
      }
    });
    this.<JsonObject>consume(Topic.STATS.address(), m -> {
      JsonObject stats = m.body().getJsonObject("stats");
      if (m.body().getValue("session_id") == null && stats != null && owns("node:" + stats.getString("node"))) {
        engine.onNodeStats(stats, System.nanoTime());
      }
    });
    this.<JsonObject>consume(Addresses.ALERTS_RELOAD, this::reload);
    return loadRules().map(rules -> {
      engine.rules(rules);
      reloadTimer = vertx.setPeriodic(options.reloadInterval().toMillis(), id -> reloadIfChanged());
      driftTimer = vertx.setPeriodic(1_000, id -> engine.resolveQuietDrifts(System.nanoTime()));
      return rules;
    });
  }

  @Override
  protected Future<?> stopService() {
    vertx.cancelTimer(reloadTimer);
    vertx.cancelTimer(driftTimer);
    return Future.succeededFuture();
  }

  @Override
  protected Duration idleTimeout() {
    return options.idleTimeout();
  }

  @Override
  protected int sweepIdle(long now) {
    return engine.forgetIdle(now);
  }

  /** Alert state is cheap and rebuilt from the next observations; a fenced instance keeps judging what it gets. */
  @Override
  protected void fenced() {
  }

  private void announce(String session, JsonObject alert) {
    LOG.info("Alert {} {}: {}", alert.getString("status"), alert.getString("rule"),
        alert.getJsonObject("metadata").getString("title"));
    counter(alert.getString("severity"), alert.getString("status")).increment();
    TopicEvents.publish(vertx.eventBus(), Topic.ALERTS, TopicEvents.alert(session, alert));
  }

  private Counter counter(String severity, String status) {
    return fired.computeIfAbsent(severity + "|" + status, key -> meters().counter("anomaly.alerts",
        "Alerts, by severity and status", "severity", String.valueOf(severity), "status", String.valueOf(status)));
  }

  /**
   * Events every alerts instance receives (drift, node statistics) are judged by one: the owner of their session or
   * node, as score summaries are. Before this instance knows any (it just started), it judges them all.
   */
  private boolean owns(String key) {
    String owner = directory().owner(Service.ALERTS, key);
    return owner == null || owner.equals(instanceId);
  }

  /**
   * A rules file that cannot be used (missing, not JSON, an invalid rule) is the operator's mistake: refused as an
   * invalid configuration that names the file and the problem, and the rules in force stay.
   */
  private void reload(Message<JsonObject> message) {
    loadRules().onSuccess(reloaded -> {
      engine.rules(reloaded);
      message.reply(rulesJson());
    }).onFailure(e -> fail(message, new ProtocolException(ErrorCode.INVALID_CONFIG,
        options.rulesFile() + ": " + e.getMessage())));
  }

  /** Reads the rules file off the event loop (Vert.x's file system reads on its worker pool). */
  private Future<List<AlertRule>> loadRules() {
    return vertx.fileSystem().readFile(options.rulesFile()).map(this::parse);
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
    vertx.fileSystem().props(options.rulesFile())
        .onSuccess(props -> {
          if (rulesModified >= 0 && props.lastModifiedTime() != rulesModified) {
            loadRules().onSuccess(rules -> {
              engine.rules(rules);
              LOG.info("Reloaded {} alert rules from {}", rules.size(), options.rulesFile());
            }).onFailure(e -> LOG.warn("Alert rules in {} are invalid, keeping the current ones: {}",
                options.rulesFile(), e.getMessage()));
          }
          rulesModified = props.lastModifiedTime();
        });
  }

  private JsonObject rulesJson() {
    JsonArray rules = new JsonArray();
    for (AlertRule rule : engine.rules()) {
      rules.add(new JsonObject().put("name", rule.name()).put("type", rule.type().wireName())
          .put("severity", rule.severity().wireName()).put("threshold", rule.threshold())
          .put("cooldown", rule.cooldownSeconds()));
    }
    return new JsonObject().put("rules", rules);
  }
}
