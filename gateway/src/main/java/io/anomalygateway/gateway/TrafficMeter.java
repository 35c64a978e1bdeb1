package io.anomalygateway.gateway;

import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.util.HashMap;
import java.util.Map;

/**
 * What one gateway instance's connections sent and received since the last {@code stats} event: per session and for
 * the instance, samples, anomalies, errors, processing-time percentiles, and the recent confidence scores that a
 * dashboard plots. Event-loop confined, like the connections that feed it.
 */
final class TrafficMeter {

  /** The most score points a session's stats event carries. */
  static final int MAX_POINTS = 256;

  /** One session's, or the instance's, traffic over the current interval. */
  private static final class Window {
    final Histogram latency = new Histogram(60_000_000_000L, 2);
    final double[] scores = new double[MAX_POINTS];
    final long[] times = new long[MAX_POINTS];
    final boolean[] flags = new boolean[MAX_POINTS];
    long requests;
    long samples;
    long anomalies;
    long errors;
    int points;
    int head;

    void scored(ScoreReply reply, long nanos, long now, boolean keepPoints) {
      requests++;
      latency.recordValue(Math.min(Math.max(nanos, 1), latency.getHighestTrackableValue()));
      for (Verdict verdict : reply.verdicts()) {
        samples++;
        if (verdict.anomaly()) {
          anomalies++;
        }
        if (keepPoints && reply.modelFitted()) {
          scores[head] = verdict.score();
          times[head] = now;
          flags[head] = verdict.anomaly();
          head = (head + 1) % MAX_POINTS;
          points = Math.min(points + 1, MAX_POINTS);
        }
      }
    }

    JsonObject toJson(double seconds) {
      JsonObject json = new JsonObject()
          .put("interval_s", seconds)
          .put("samples_per_s", Math.round(samples / seconds * 10) / 10.0)
          .put("requests_per_s", Math.round(requests / seconds * 10) / 10.0)
          .put("samples", samples)
          .put("anomalies", anomalies)
          .put("anomaly_rate", samples == 0 ? 0.0 : (double) anomalies / samples)
          .put("errors", errors)
          .put("error_rate", requests + errors == 0 ? 0.0 : (double) errors / (requests + errors))
          .put("latency_ms", new JsonObject()
              .put("p50", millis(latency.getValueAtPercentile(50)))
              .put("p99", millis(latency.getValueAtPercentile(99)))
              .put("max", millis(latency.getMaxValue())));
      if (points > 0) {
        JsonArray series = new JsonArray();
        for (int i = 0; i < points; i++) {
          int at = (head - points + i + MAX_POINTS) % MAX_POINTS;
          series.add(new JsonArray().add(times[at]).add(scores[at]).add(flags[at] ? 1 : 0));
        }
        json.put("scores", series);
      }
      return json;
    }

    private static double millis(long nanos) {
      return Math.round(nanos / 1_000.0) / 1_000.0;
    }
  }

  private Window node = new Window();
  private Map<String, Window> sessions = new HashMap<>();
  private long startedAt = System.nanoTime();

  void scored(String sessionId, ScoreReply reply, long receivedAt) {
    long now = System.nanoTime();
    long wallClock = System.currentTimeMillis();
    node.scored(reply, now - receivedAt, wallClock, false);
    sessions.computeIfAbsent(sessionId, id -> new Window()).scored(reply, now - receivedAt, wallClock, true);
  }

  void failed(String sessionId) {
    node.errors++;
    sessions.computeIfAbsent(sessionId, id -> new Window()).errors++;
  }

  /** Hands the interval's figures to {@code sink} (session id, or {@code null} for the instance) and starts anew. */
  void drain(java.util.function.BiConsumer<String, JsonObject> sink) {
    double seconds = Math.max(1e-3, (System.nanoTime() - startedAt) / 1e9);
    sink.accept(null, node.toJson(seconds));
    for (Map.Entry<String, Window> session : sessions.entrySet()) {
      sink.accept(session.getKey(), session.getValue().toJson(seconds));
    }
    node = new Window();
    sessions = new HashMap<>();
    startedAt = System.nanoTime();
  }
}
