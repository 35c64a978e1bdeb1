package io.anomalygateway.alerts;

import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.FeatureDrift;
import io.anomalygateway.protocol.bus.ScoreSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Evaluates the alert rules on what the system observes and announces incidents: fired, repeated at most once per
 * cooldown, and resolved. Only the alerts verticle's context calls it.
 */
final class AlertEngine {

  private final BiConsumer<String, JsonObject> announce;
  private List<AlertRule> rules = List.of();
  private final Map<String, Incident> incidents = new HashMap<>();
  private final Map<String, AnomalyWindow> windows = new HashMap<>();
  private final Map<String, Long> lastDrift = new HashMap<>();
  private final Map<String, Long> lastSeen = new HashMap<>();
  private final long idleNanos;

  /**
   * @param announce receives each alert: the session it belongs to ({@code null} for a node's) and its fields
   * @param idle how long a quiet subject's state is kept
   */
  AlertEngine(BiConsumer<String, JsonObject> announce, java.time.Duration idle) {
    this.announce = announce;
    this.idleNanos = idle.toNanos();
  }

  /** Replaces the rules; incidents and windows of rules that changed start afresh. */
  void rules(List<AlertRule> next) {
    List<String> kept = next.stream().filter(rules::contains).map(AlertRule::name).toList();
    incidents.keySet().removeIf(key -> !kept.contains(key.substring(0, key.indexOf('|'))));
    windows.keySet().removeIf(key -> !kept.contains(key.substring(0, key.indexOf('|'))));
    lastDrift.keySet().removeIf(key -> !kept.contains(key.substring(0, key.indexOf('|'))));
    lastSeen.keySet().removeIf(key -> !kept.contains(key.substring(0, key.indexOf('|'))));
    rules = List.copyOf(next);
  }

  List<AlertRule> rules() {
    return rules;
  }

  void onScores(ScoreSummary summary, long now) {
    for (AlertRule rule : rules) {
      if (rule.type() == RuleType.ANOMALY_RATE) {
        String key = rule.name() + "|" + summary.sessionId();
        lastSeen.put(key, now);
        AnomalyWindow window = windows.computeIfAbsent(key, k -> new AnomalyWindow(rule.window()));
        window.add(summary.samples(), summary.anomalies());
        if (window.size() >= rule.minSamples()) {
          double rate = window.rate();
          evaluate(rule, summary.sessionId(), summary.sessionId(), rate, now,
              new JsonObject().put("window", window.size()));
        }
      }
    }
  }

  void onDrift(DriftEvent event, long now) {
    JsonArray features = new JsonArray(event.features().stream().map(FeatureDrift::index).toList());
    for (AlertRule rule : rules) {
      if (rule.type() == RuleType.DRIFT) {
        evaluate(rule, event.sessionId(), event.sessionId(), 1.0, now, new JsonObject()
            .put("sample", event.sample()).put("method", event.method().wireName()).put("features", features));
      }
    }
  }

  /** A gateway node's {@code stats} event: error rate, processing time and connections. */
  void onNodeStats(JsonObject stats, long now) {
    String node = stats.getString("node", "unknown");
    JsonObject connections = stats.getJsonObject("connections", new JsonObject());
    long requests = stats.getLong("samples", 0L) + stats.getLong("errors", 0L);
    for (AlertRule rule : rules) {
      switch (rule.type()) {
        case ERROR_RATE -> {
          if (requests > 0) {
            evaluate(rule, null, node, stats.getDouble("error_rate", 0.0), now, new JsonObject());
          }
        }
        case LATENCY_P99 -> {
          if (stats.getLong("samples", 0L) > 0) {
            evaluate(rule, null, node, stats.getJsonObject("latency_ms", new JsonObject()).getDouble("p99", 0.0),
                now, new JsonObject());
          }
        }
        case CONNECTIONS -> {
          int active = connections.getInteger("active", 0);
          int max = Math.max(1, connections.getInteger("max", 1));
          evaluate(rule, null, node, (double) active / max, now,
              new JsonObject().put("active", active).put("max", max));
        }
        default -> {
        }
      }
    }
  }

  /**
   * Subjects quiet for longer than the idle timeout, with no incident open, are forgotten.
   *
   * @return how many were forgotten
   */
  int forgetIdle(long now) {
    int forgotten = 0;
    for (Map.Entry<String, Long> seen : new ArrayList<>(lastSeen.entrySet())) {
      Incident incident = incidents.get(seen.getKey());
      if (now - seen.getValue() > idleNanos && (incident == null || !incident.open())) {
        incidents.remove(seen.getKey());
        windows.remove(seen.getKey());
        lastDrift.remove(seen.getKey());
        lastSeen.remove(seen.getKey());
        forgotten++;
      }
    }
    return forgotten;
  }

  /** Drift incidents resolve once their rule's cooldown has passed without further drift. */
  void resolveQuietDrifts(long now) {
    for (AlertRule rule : rules) {
      if (rule.type() != RuleType.DRIFT) {
        continue;
      }
      String prefix = rule.name() + "|";
      for (Map.Entry<String, Incident> entry : new ArrayList<>(incidents.entrySet())) {
        Long last = lastDrift.get(entry.getKey());
        if (entry.getKey().startsWith(prefix) && entry.getValue().open() && last != null
            && now - last >= nanos(rule.cooldownSeconds())) {
          String session = entry.getKey().substring(prefix.length());
          emit(rule, session, session, entry.getValue(), Incident.Change.RESOLVED, 0.0, new JsonObject());
          entry.getValue().close();
        }
      }
    }
  }


  private void evaluate(AlertRule rule, String session, String subject, double value, long now, JsonObject detail) {
    String key = rule.name() + "|" + subject;
    lastSeen.put(key, now);
    Incident incident = incidents.computeIfAbsent(key, k -> new Incident());
    boolean holds = value > rule.threshold();
    boolean clears = rule.type() != RuleType.DRIFT && value <= rule.threshold() * rule.resolveRatio();
    if (rule.type() == RuleType.DRIFT) {
      lastDrift.put(key, now);
    }
    Incident.Change change = incident.observe(holds, clears, now, nanos(rule.cooldownSeconds()));
    if (change != Incident.Change.NONE) {
      emit(rule, session, subject, incident, change, value, detail);
      if (change == Incident.Change.RESOLVED) {
        incident.close();
      }
    }
  }

  private void emit(AlertRule rule, String session, String subject, Incident incident, Incident.Change change,
                    double value, JsonObject detail) {
    boolean resolved = change == Incident.Change.RESOLVED;
    announce.accept(session, new JsonObject()
        .put("alert_id", incident.id())
        .put("status", resolved ? "resolved" : "firing")
        .put("severity", (resolved ? Severity.INFO : rule.severity()).wireName())
        .put("rule", rule.name())
        .put("rule_type", rule.type().wireName())
        .put("subject", subject)
        .put("value", value)
        .put("threshold", rule.threshold())
        .put("repeat", incident.repeats())
        .put("metadata", AlertText.of(rule, resolved, subject, value, detail)));
  }

  private static long nanos(double seconds) {
    return Math.round(seconds * 1e9);
  }
}
