package io.anomalygateway.launcher.offline;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.OfflineScoring;
import io.anomalygateway.protocol.Algorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code score --algorithm A --input data.csv --output scores.txt [--seed S] [--label-column label] [--evaluate]}:
 * fits an algorithm on every row of a CSV file with the detector's own code and writes one score per row.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Fits an algorithm on every row of a CSV file and writes one score per row (higher = more "
        + "anomalous).")
public final class ScoreCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--algorithm", required = true, paramLabel = "A", converter = AlgorithmName.class,
      description = "isolation_forest, one_class_svm or random_cut_forest")
  Algorithm algorithm;
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV with a header of numeric "
      + "columns (plain or gzipped)")
  Path input;
  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "receives one score per row, in file order")
  Path output;
  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "seed of the model's random choices (default ${DEFAULT-VALUE})")
  long seed;
  @Option(names = "--label-column", paramLabel = "C", defaultValue = "label",
      description = "the label column, excluded from the features (default ${DEFAULT-VALUE})")
  String labelColumn;
  @Option(names = "--evaluate", description = "print ROC-AUC and average precision against the labels")
  boolean evaluate;

  @Override
  public Integer call() throws IOException {
    CsvTable table = CsvTable.read(input, labelColumn);
    if (evaluate && table.labels() == null) {
      throw new IllegalArgumentException("--evaluate needs a label column '" + labelColumn + "' in " + input);
    }
    long started = System.nanoTime();
    double[] scores = new OfflineScoring(DetectorOptions.defaults()).score(algorithm, table.features(), seed);
    double seconds = (System.nanoTime() - started) / 1e9;
    write(output, scores);
    if (evaluate) {
      spec.commandLine().getOut().printf(Locale.ROOT,
          "%s %s seed=%d rows=%d anomalies=%d roc_auc=%.4f average_precision=%.4f seconds=%.2f%n",
          input.getFileName(), algorithm.wireName(), seed, scores.length,
          Arrays.stream(table.labels()).filter(l -> l == 1).count(),
          RankMetrics.rocAuc(scores, table.labels()), RankMetrics.averagePrecision(scores, table.labels()), seconds);
    }
    return 0;
  }

  private static void write(Path output, double[] scores) throws IOException {
    try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(output))) {
      for (double score : scores) {
        writer.println(score);
      }
    }
  }
}
