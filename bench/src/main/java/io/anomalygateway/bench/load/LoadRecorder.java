package io.anomalygateway.bench.load;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies and counters of a run, recorded from every event loop at once: HdrHistogram recorders, split by whether
 * the detector was refitting the sample's model when it scored it.
 */
final class LoadRecorder {

  private static final long MAX_NANOS = 60_000_000_000L;

  private final Recorder all = new Recorder(MAX_NANOS, 3);
  private final Recorder refitting = new Recorder(MAX_NANOS, 3);
  private final Recorder steady = new Recorder(MAX_NANOS, 3);
  private final LongAdder requests = new LongAdder();
  private final LongAdder samples = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder invalid = new LongAdder();
  private final LongAdder unmatched = new LongAdder();

  void record(long nanos, Response response) {
    long clamped = Math.min(Math.max(nanos, 1), MAX_NANOS);
    all.recordValue(clamped);
    (response.refitting() ? refitting : steady).recordValue(clamped);
    requests.increment();
    samples.add(response.rows());
    if (!response.success()) {
      errors.increment();
    } else if (!response.complete()) {
      invalid.increment();
    }
  }

  void unmatched() {
    unmatched.increment();
  }

  /** Forgets everything recorded so far: the end of the warm-up. */
  void reset() {
    all.reset();
    refitting.reset();
    steady.reset();
    requests.reset();
    samples.reset();
    errors.reset();
    invalid.reset();
    unmatched.reset();
  }

  JsonObject report(double seconds, long timeouts) {
    Histogram latency = all.getIntervalHistogram();
    long answered = requests.sum();
    boolean ok = errors.sum() == 0 && invalid.sum() == 0 && unmatched.sum() == 0 && timeouts == 0 && answered > 0;
    return new JsonObject()
        .put("samples_per_s", Math.round(samples.sum() / seconds))
        .put("requests_per_s", Math.round(answered / seconds))
        .put("latency_ms", percentiles(latency))
        .put("latency_refitting_ms", percentiles(refitting.getIntervalHistogram()))
        .put("latency_steady_ms", percentiles(steady.getIntervalHistogram()))
        .put("responses", answered)
        .put("errors", errors.sum())
        .put("timeouts", timeouts)
        .put("invalid", invalid.sum())
        .put("unmatched", unmatched.sum())
        .put("check", ok ? "ok" : "failed");
  }

  private static JsonObject percentiles(Histogram histogram) {
    return new JsonObject()
        .put("count", histogram.getTotalCount())
        .put("p50", millis(histogram.getValueAtPercentile(50)))
        .put("p90", millis(histogram.getValueAtPercentile(90)))
        .put("p99", millis(histogram.getValueAtPercentile(99)))
        .put("p99.9", millis(histogram.getValueAtPercentile(99.9)))
        .put("max", millis(histogram.getMaxValue()));
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
