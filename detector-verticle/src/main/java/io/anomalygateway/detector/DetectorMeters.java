package io.anomalygateway.detector;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * The detector's meters on Micrometer's global registry: {@code anomaly_samples_scored_total} by algorithm and
 * result, {@code anomaly_sessions}, {@code anomaly_session_evictions_total}, {@code anomaly_refits_total} and
 * {@code anomaly_refit_duration_seconds} by algorithm. Counters are per process: every instance adds to them.
 */
final class DetectorMeters {

  private static final Set<IntSupplier> SESSIONS = ConcurrentHashMap.newKeySet();
  /** The gauge sums every instance's sessions: registered once per process (a second registration is a warning). */
  private static final AtomicBoolean SESSIONS_GAUGE = new AtomicBoolean();

  private final MeterRegistry registry = Metrics.globalRegistry;
  private final Map<Algorithm, Counter> normal = new EnumMap<>(Algorithm.class);
  private final Map<Algorithm, Counter> anomalous = new EnumMap<>(Algorithm.class);
  private final Map<Algorithm, Timer> refits = new EnumMap<>(Algorithm.class);
  private final Counter evictions;
  private final IntSupplier sessions;

  DetectorMeters(IntSupplier sessions) {
    this.sessions = sessions;
    SESSIONS.add(sessions);
    for (Algorithm algorithm : Algorithm.values()) {
      normal.put(algorithm, scored(algorithm, "normal"));
      anomalous.put(algorithm, scored(algorithm, "anomaly"));
      refits.put(algorithm, Timer.builder("anomaly.refit.duration").description("Model fits, and their duration")
          .tag("algorithm", algorithm.wireName()).register(registry));
    }
    evictions = Counter.builder("anomaly.session.evictions").description("Sessions evicted for idleness")
        .register(registry);
    if (SESSIONS_GAUGE.compareAndSet(false, true)) {
      Gauge.builder("anomaly.sessions", SESSIONS, all -> all.stream().mapToInt(IntSupplier::getAsInt).sum())
          .description("Sessions held by this node's detectors").register(registry);
    }
  }

  private Counter scored(Algorithm algorithm, String result) {
    return Counter.builder("anomaly.samples.scored").description("Samples scored, by algorithm and verdict")
        .tag("algorithm", algorithm.wireName()).tag("result", result).register(registry);
  }

  void scored(ScoreReply reply) {
    long flagged = 0;
    for (Verdict verdict : reply.verdicts()) {
      if (verdict.anomaly()) {
        flagged++;
      }
    }
    anomalous.get(reply.algorithm()).increment(flagged);
    normal.get(reply.algorithm()).increment(reply.verdicts().size() - flagged);
  }

  void fitted(Algorithm algorithm, long nanos) {
    refits.get(algorithm).record(nanos, TimeUnit.NANOSECONDS);
  }

  void evicted(int count) {
    evictions.increment(count);
  }

  void close() {
    SESSIONS.remove(sessions);
  }
}
