package io.anomalygateway.launcher.offline;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.OfflineSession;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams NAB series through a session's model, as the detector runs it: each row is scored before the model sees
 * the next, with the session's own code ({@link OfflineSession}); a row's NAB anomaly score is the verdict's
 * {@code confidence_score}. Series run in parallel, each on one thread, so the result does not depend on how many.
 *
 * @param options the detector's settings
 * @param settings the session's settings
 */
record NabStream(DetectorOptions options, SessionSettings settings) {

  /**
   * One series' output.
   *
   * @param series the series
   * @param scoring its NAB scoring
   * @param scores each row's anomaly score, in [0, 1]
   * @param flagged each row's {@code is_anomaly}, the session's own decision, as a score: 1 where it flagged the
   *     row, 0 elsewhere, so that NAB scores it at a threshold of 1
   */
  record Output(NabSeries series, NabScoring scoring, double[] scores, double[] flagged) {

    NabThresholdSweep.Run run() {
      return new NabThresholdSweep.Run(scoring, scores);
    }

    /**
     * Writes the output in NAB's results format, {@code timestamp,value,anomaly_score,label}, {@code label} being 1
     * inside a window.
     */
    void write(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      StringBuilder text = new StringBuilder(series.rows() * 48).append("timestamp,value,anomaly_score,label\n");
      for (int row = 0; row < series.rows(); row++) {
        text.append(series.timestamps().get(row)).append(',').append(series.values()[row]).append(',')
            .append(scores[row]).append(',').append(scoring.windowOf(row) >= 0 ? 1 : 0).append('\n');
      }
      Files.writeString(file, text);
    }
  }

  /**
   * @param corpus the corpus
   * @param threads how many series to stream at once
   * @return every series' output, in the corpus' order
   */
  List<Output> run(NabCorpus corpus, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Output>> outputs = corpus.keys().stream()
          .map(key -> pool.submit(() -> stream(corpus.series(key), corpus.windows(key)))).toList();
      return outputs.stream().map(NabStream::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Output join(Future<Output> output) {
    try {
      return output.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** @return the series streamed through a new session, row by row */
  Output stream(NabSeries series, List<String[]> windows) {
    OfflineSession session = new OfflineSession(options, settings, 1);
    double[] scores = new double[series.rows()];
    double[] flagged = new double[series.rows()];
    double[] values = series.values();
    for (int row = 0; row < series.rows(); row++) {
      Verdict verdict = session.next(values, row);
      scores[row] = verdict.score();
      flagged[row] = verdict.anomaly() ? 1.0 : 0.0;
    }
    return new Output(series, NabScoring.of(series.timestamps(), windows), scores, flagged);
  }
}
