package io.anomalygateway.drift;

import io.anomalygateway.drift.stats.KolmogorovSmirnov;
import io.anomalygateway.drift.stats.MultipleTesting;
import io.anomalygateway.drift.stats.PopulationStability;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.OnDrift;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.bus.DriftDetection;
import io.anomalygateway.protocol.bus.DriftEvent;
import io.anomalygateway.protocol.bus.DriftReport;
import io.anomalygateway.protocol.bus.DriftSettings;
import io.anomalygateway.protocol.bus.DriftStatus;
import io.anomalygateway.protocol.bus.FeatureDrift;
import io.anomalygateway.runtime.capacity.Reservation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One session's drift state: the reference window, the recent samples after it, the streaming detectors, and
 * continuous monitoring every {@code check_interval} samples. Only the drift verticle's context touches it.
 *
 * <p>The reference's lifecycle: it is <em>formed</em> from the first {@code reference_size} samples; once complete
 * it is <em>compared</em> with the newest samples, by {@code drift} requests and by monitoring; a detection makes it
 * <em>re-form</em> from the samples after the change (one change, one alarm), and while it does, a {@code drift}
 * request is answered with that detection rather than "not enough data"; a {@code reset} discards it, and the
 * detection with it.
 */
final class SessionDrift {

  /** Bytes of the session's own objects. */
  private static final long SESSION_OVERHEAD = 2048;
  /** Bytes of the two streaming detectors of one feature at their largest (ADWIN's buckets dominate). */
  private static final long MONITOR_BYTES = 4096;

  private final String sessionId;
  private final DriftOptions options;
  private final Reservation reservation = new Reservation();
  private DriftSettings settings;
  private int dims;
  private double[] reference;
  private int referenceCount;
  private ReferenceColumns columns;
  private RecentWindow recent;
  private FeatureMonitors monitors;
  private long samples;
  private long sinceCheck;
  private int positiveChecks;
  private long detections;
  private long lastDetection = -1;
  private DriftDetection detection;
  private long lastActive;

  SessionDrift(String sessionId, DriftOptions options) {
    this.sessionId = sessionId;
    this.options = options;
    this.settings = new DriftSettings(options.onDrift(), options.monitor());
  }

  /**
   * Takes in scored samples; returns the drift events continuous monitoring raised on them (usually none).
   */
  List<DriftEvent> observe(Samples block, double[] scores) {
    if (dims == 0) {
      dims = block.dims();
      renewReference();
    } else if (block.dims() != dims) {
      return List.of();
    }
    List<DriftEvent> events = new ArrayList<>(0);
    for (int row = 0; row < block.count(); row++) {
      int offset = row * dims;
      if (referenceCount < options.referenceSize()) {
        if ((referenceCount + 1) * dims > reference.length) {
          reference = Arrays.copyOf(reference, (int) RecentWindow.allocatedRows(referenceCount + 1L,
              options.referenceSize()) * dims);
        }
        System.arraycopy(block.values(), offset, reference, referenceCount * dims, dims);
        referenceCount++;
      } else {
        recent.add(block.values(), offset);
        sinceCheck++;
      }
      monitors.update(block.values(), offset, scores[row], samples);
      samples++;
      if (sinceCheck >= options.checkInterval()) {
        sinceCheck = 0;
        DriftEvent event = monitor();
        if (event != null) {
          events.add(event);
        }
      }
    }
    return events;
  }

  /**
   * Continuous monitoring: a drift needs {@code monitor_confirmations} positive checks in a row. Each detection marks
   * a new concept: the reference re-forms from the samples after it, so one change raises one alarm, whatever the
   * session's {@code on_drift} (which only decides whether the detector refits).
   */
  private DriftEvent monitor() {
    if (recent.size() < options.monitorWindowSize()) {
      return null;
    }
    DriftMethod method = settings.monitor();
    List<FeatureDrift> features = evidence(method, options.monitorWindowSize(), options.monitorAlpha(),
        options.correction(), true);
    List<FeatureDrift> drifted = features.stream().filter(FeatureDrift::drifted).toList();
    boolean streaming = method == DriftMethod.ADWIN || method == DriftMethod.PAGE_HINKLEY;
    positiveChecks = drifted.isEmpty() ? 0 : positiveChecks + 1;
    if (positiveChecks < (streaming ? 1 : options.monitorConfirmations())) {
      return null;
    }
    positiveChecks = 0;
    detections++;
    lastDetection = samples - 1;
    detection = new DriftDetection(lastDetection, method, features);
    boolean refit = settings.onDrift() == OnDrift.REFIT;
    long window = samples - 1 - Math.max(0, monitors.lastScoreDrift());
    DriftEvent event = new DriftEvent(sessionId, samples - 1, method, drifted,
        monitors.lastScoreDrift() >= 0 && window < options.monitorWindowSize(), refit,
        options.monitorWindowSize());
    renewReference();
    return event;
  }

  /**
   * Answers a {@code drift} request: with the comparison of the reference and the newest {@code windowSize}
   * samples, or, until such a comparison is possible again after a detection (the reference re-forms, then the
   * newest samples after it accumulate), with that detection.
   */
  DriftReport report(int windowSize, DriftMethod method, double alpha, MultipleTesting correction) {
    boolean comparable = referenceCount == options.referenceSize() && recent != null
        && recent.size() >= windowSize;
    if (detection != null && !comparable) {
      int window = options.monitorWindowSize();
      return new DriftReport(DriftReport.OK, true, detection.method(), window, options.referenceSize(), window,
          options.monitorAlpha(), options.correction().wireName(), 0, detection.features(),
          DriftReport.MONITOR, detection.sample());
    }
    long detectedAt = detection == null ? -1 : detection.sample();
    int referenceMissing = options.referenceSize() - referenceCount;
    int recentMissing = recent == null ? windowSize : Math.max(0, windowSize - recent.size());
    if (dims == 0 || referenceMissing > 0 || recentMissing > 0) {
      int needed = Math.max(0, referenceMissing) + recentMissing;
      return new DriftReport(DriftReport.INSUFFICIENT_DATA, false, method, windowSize, referenceCount,
          recent == null ? 0 : Math.min(recent.size(), windowSize), alpha, correction.wireName(), needed, List.of(),
          null, detectedAt);
    }
    List<FeatureDrift> features = evidence(method, windowSize, alpha, correction, false);
    return new DriftReport(DriftReport.OK, features.stream().anyMatch(FeatureDrift::drifted), method, windowSize,
        referenceCount, windowSize, alpha, correction.wireName(), 0, features, DriftReport.COMPARISON, detectedAt);
  }

  /**
   * Per-feature evidence of the method over the newest {@code windowSize} samples.
   *
   * @param decisionOnly whether only the drifted flags matter (monitoring), so that exact p-values far from the
   *     level may be skipped; a {@code drift} request gets them all
   */
  private List<FeatureDrift> evidence(DriftMethod method, int windowSize, double alpha, MultipleTesting correction,
                                      boolean decisionOnly) {
    if (columns == null || columns.count() != referenceCount) {
      columns = new ReferenceColumns(reference, referenceCount, dims, options.psiBins());
    }
    double[] statistics = new double[dims];
    double[] pValues = new double[dims];
    double[] psi = new double[dims];
    boolean[] drifted = new boolean[dims];
    for (int k = 0; k < dims; k++) {
      double[] before = columns.sorted(k);
      double[] after = recent.column(k, windowSize);
      psi[k] = PopulationStability.index(columns.bins(k), after);
      pValues[k] = Double.NaN;
      switch (method) {
        case KS -> {
          double[] ks = decisionOnly ? KolmogorovSmirnov.screen(before, after, alpha)
              : KolmogorovSmirnov.test(before, after);
          statistics[k] = ks[0];
          pValues[k] = ks[1];
        }
        case PSI -> {
          statistics[k] = psi[k];
          drifted[k] = psi[k] > options.psiThreshold();
        }
        default -> {
          statistics[k] = monitors.detections(method, k);
          drifted[k] = monitors.lastDetection(method, k) > samples - 1 - windowSize;
        }
      }
    }
    if (method == DriftMethod.KS) {
      drifted = correction.reject(pValues, alpha);
    }
    List<FeatureDrift> features = new ArrayList<>(dims);
    for (int k = 0; k < dims; k++) {
      features.add(new FeatureDrift(k, statistics[k], pValues[k], psi[k], drifted[k]));
    }
    return features;
  }

  /** A {@code reset} request: a new reference from the next samples, and no detection to report. */
  void reset() {
    renewReference();
    detection = null;
  }

  /** Discards the reference, the recent samples and the streaming detectors: the next samples form a new one. */
  private void renewReference() {
    referenceCount = 0;
    columns = null;
    sinceCheck = 0;
    positiveChecks = 0;
    if (dims > 0) {
      reference = new double[0];
      recent = new RecentWindow(options.maxWindowSize(), dims);
      monitors = new FeatureMonitors(dims);
    }
  }

  /**
   * The memory the session will hold after {@code rows} more samples of dimension {@code dims}: what must be
   * reserved before observing them. The reference and the recent window grow with the samples; the streaming
   * detectors (ADWIN keeps at most a few hundred buckets per feature) and the sorted reference are counted at
   * their largest.
   */
  long bytesAfter(int rows, int blockDims) {
    int d = dims == 0 ? blockDims : dims;
    int referenceSize = options.referenceSize();
    long referenceRows = Math.min(referenceSize, (long) referenceCount + rows);
    long recentRows = Math.min(options.maxWindowSize(), (recent == null ? 0 : recent.size())
        + Math.max(0, rows - (referenceSize - referenceCount)));
    long window = RecentWindow.allocatedRows(referenceRows, referenceSize)
        + RecentWindow.allocatedRows(recentRows, options.maxWindowSize());
    long sorted = referenceRows == referenceSize ? referenceRows + options.psiBins() : 0;
    return SESSION_OVERHEAD + 8L * d * (window + sorted) + MONITOR_BYTES * d;
  }

  DriftSettings configure(OnDrift onDrift, DriftMethod monitor) {
    settings = new DriftSettings(onDrift != null ? onDrift : settings.onDrift(),
        monitor != null ? monitor : settings.monitor());
    return settings;
  }

  DriftStatus status() {
    return new DriftStatus(samples, referenceCount, detections, lastDetection, settings);
  }

  void touch(long now) {
    lastActive = now;
  }

  String sessionId() {
    return sessionId;
  }

  /** @return what the session has reserved from the state budget, and for which token */
  Reservation reservation() {
    return reservation;
  }

  long lastActive() {
    return lastActive;
  }
}
