package io.anomalygateway.launcher.offline;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.OfflineScoring;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ProtocolException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;

/**
 * {@code score --algorithm A --input data.csv --output scores.txt [--seed S] [--label-column label] [--evaluate]}:
 * fits an algorithm on every row of a CSV file with the detector's own code and writes one score per row.
 */
public final class ScoreCommand {

  static final String USAGE = String.join("\n",
      "Usage: java -jar anomaly-gateway.jar score --algorithm A --input data.csv --output scores.txt",
      "                                         [--seed S] [--label-column label] [--evaluate]",
      "  --algorithm A       " + Algorithm.wireNames(),
      "  --input FILE        CSV with a header of numeric columns",
      "  --output FILE       receives one score per row, in file order (higher = more anomalous)",
      "  --seed S            seed of the model's random choices (default 0)",
      "  --label-column C    the label column, excluded from the features (default 'label')",
      "  --evaluate          print ROC-AUC and average precision against the labels");

  private ScoreCommand() {
  }

  /**
   * @param args the arguments after {@code score}
   * @param detector the {@code detector} section of the configuration (the algorithms' parameters)
   * @param out where the evaluation goes
   * @return the process exit code
   */
  public static int run(String[] args, JsonObject detector, PrintStream out) throws IOException {
    Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
    Algorithm algorithm = null;
    Path input = null;
    Path output = null;
    long seed = 0;
    String labelColumn = "label";
    boolean evaluate = false;
    try {
      while (!queue.isEmpty()) {
        String flag = queue.poll();
        switch (flag) {
          case "--algorithm" -> algorithm = Algorithm.ofWireName(value(queue, flag));
          case "--input" -> input = Path.of(value(queue, flag));
          case "--output" -> output = Path.of(value(queue, flag));
          case "--seed" -> seed = Long.parseLong(value(queue, flag));
          case "--label-column" -> labelColumn = value(queue, flag);
          case "--evaluate" -> evaluate = true;
          default -> throw new IllegalArgumentException("Unknown argument: " + flag);
        }
      }
      if (algorithm == null || input == null || output == null) {
        throw new IllegalArgumentException("--algorithm, --input and --output are required");
      }
    } catch (IllegalArgumentException | ProtocolException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      return 2;
    }
    CsvTable table = CsvTable.read(input, labelColumn);
    long started = System.nanoTime();
    double[] scores = new OfflineScoring(new DetectorOptions(detector)).score(algorithm, table.features(), seed);
    double seconds = (System.nanoTime() - started) / 1e9;
    write(output, scores);
    if (evaluate) {
      if (table.labels() == null) {
        System.err.println("--evaluate needs a label column '" + labelColumn + "' in " + input);
        return 2;
      }
      out.printf(Locale.ROOT, "%s %s seed=%d rows=%d anomalies=%d roc_auc=%.4f average_precision=%.4f seconds=%.2f%n",
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

  private static String value(Deque<String> queue, String flag) {
    String value = queue.poll();
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }
}
