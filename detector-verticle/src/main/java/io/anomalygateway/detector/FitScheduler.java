package io.anomalygateway.detector;

import io.anomalygateway.detector.model.FittedModel;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Runs the detector's fits on the fitting pool, at most {@code fit_threads} at a time and within a CPU budget: after
 * a fit that took {@code d}, its thread rests {@code d (1 / fit_cpu_share - 1)}, so that fitting never takes more
 * than {@code fit_cpu_share} of a core per fitting thread away from scoring, however many sessions need a refit. Due
 * fits wait in arrival order (one per model) and take their rows from the buffer when they start, so a fit that
 * waited uses the freshest data; under load refits simply become rarer.
 *
 * <p>Only the detector verticle's context calls it; fits complete back on that context.
 */
final class FitScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(FitScheduler.class);

  /** A model waiting for a fit, with the settings it is to be fitted with. */
  private record Job(RefittedModel model, SessionSettings settings) {
  }

  private final Vertx vertx;
  private final WorkerExecutor pool;
  private final ModelCatalog models;
  private final int threads;
  private final double share;
  private final double renewShare;
  private final DetectorMeters meters;
  private final Queue<Job> waiting = new ArrayDeque<>();
  private int running;
  private long restUntil;
  private boolean timerSet;

  FitScheduler(Vertx vertx, WorkerExecutor pool, ModelCatalog models, int threads, double share,
               double renewShare, DetectorMeters meters) {
    this.renewShare = renewShare;
    this.meters = meters;
    this.vertx = vertx;
    this.pool = pool;
    this.models = models;
    this.threads = threads;
    this.share = share;
  }

  void submit(RefittedModel model, SessionSettings settings) {
    model.queueFit();
    waiting.add(new Job(model, settings));
    startWhatCan();
  }

  /**
   * Fits at once, ahead of the queue and outside the CPU budget: a session restored from its snapshot holds its
   * requests until its model is fitted again, so that failover does not show clients an unfitted model.
   *
   * @return completes (always successfully) when the fit is done
   */
  Future<Void> fitNow(RefittedModel model, SessionSettings settings) {
    model.queueFit();
    return start(new Job(model, settings));
  }

  int waiting() {
    return waiting.size();
  }

  private void startWhatCan() {
    long now = System.nanoTime();
    while (running < threads && !waiting.isEmpty()) {
      if (now < restUntil) {
        if (!timerSet) {
          timerSet = true;
          vertx.setTimer(Math.max(1, (restUntil - now) / 1_000_000), id -> {
            timerSet = false;
            startWhatCan();
          });
        }
        return;
      }
      start(waiting.remove());
    }
  }

  private Future<Void> start(Job job) {
    running++;
    RefittedModel model = job.model();
    FittedModel earlier = model.renewable();
    Samples rows = model.startFit();
    SessionSettings settings = job.settings();
    long started = System.nanoTime();
    long firstRow = model.fitFirstRow();
    return pool.executeBlocking(() -> FittedModel.refit(models.trainer(model.algorithm()), earlier, rows,
            firstRow, settings.seed(), settings.contamination(), renewShare), false)
        .transform(done -> {
          long took = System.nanoTime() - started;
          meters.fitted(model.algorithm(), took);
          running--;
          restUntil = Math.max(restUntil, System.nanoTime() + Math.round(took * (1 / share - 1) / threads));
          if (done.failed()) {
            LOG.error("Fitting {} on {} rows failed", model.algorithm().wireName(), rows.count(), done.cause());
          }
          model.finishFit(done.result());
          startWhatCan();
          return Future.<Void>succeededFuture();
        });
  }
}
