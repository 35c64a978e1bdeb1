package io.anomalygateway.launcher.offline;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.OfflineSession;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.launcher.SettingFlags;
import io.anomalygateway.runtime.config.PackagedDefaults;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code nab --data DIR [--algorithm A] [--shingle N] [--difference] [--seed S] [--set key=value]}: streams each NAB
 * series in
 * {@code DIR} through a session model in order (the detector's own code and refit policy) and tabulates, per series,
 * the labelled windows it flagged and its flags outside any window per 1,000 rows, beside the same measures computed
 * from NAB's published output of its HTM and Random Cut Forest detectors.
 */
@Command(name = "nab", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Streams each NAB series through a session model in order and compares its flags with NAB's "
        + "published HTM and Random Cut Forest detectors.")
public final class NabCommand implements Callable<Integer> {

  /** NAB's names of the published detectors, in the order of the table's columns (HTM, then RCF). */
  private static final List<String> PUBLISHED = List.of("numenta", "randomCutForest");

  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "the NAB data: data/, labels/combined_windows.json and reference/")
  Path dir;
  @Option(names = "--algorithm", paramLabel = "A", defaultValue = "random_cut_forest",
      converter = AlgorithmName.class, description = "the session's algorithm (default ${DEFAULT-VALUE})")
  Algorithm algorithm;
  @Option(names = "--shingle", paramLabel = "N", defaultValue = "8",
      description = "shingle size (default ${DEFAULT-VALUE})")
  int shingle;
  @Option(names = "--difference", description = "add the difference from the previous value as a feature")
  boolean difference;
  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
  long seed;
  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "a key of the detector section, e.g. rcf_z_factor=3.5 (repeatable)")
  Map<String, String> settings = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    JsonObject packaged = PackagedDefaults.section("detector");
    JsonObject changes = new JsonObject();
    settings.forEach((key, value) -> changes.put(key, SettingFlags.typed(packaged.getValue(key), value)));
    DetectorOptions options = DetectorOptions.of(changes);
    SessionSettings defaults = options.sessionDefaults();
    SessionSettings session = new SessionSettings(algorithm, defaults.bufferSize(), defaults.minSamples(),
        defaults.refitInterval(), defaults.contamination(), seed, shingle);
    table(System.out, options, session);
    return 0;
  }

  private void table(PrintStream out, DetectorOptions options, SessionSettings settings) throws IOException {
    JsonObject windows = new JsonObject(Files.readString(dir.resolve("labels/combined_windows.json")));
    JsonObject thresholds = new JsonObject(Files.readString(dir.resolve("reference/thresholds.json")));
    out.printf(Locale.ROOT, "Ours: %s, input %s, shingle %d, seed %d%n%n", algorithm.wireName(),
        difference ? "[value, value - previous]" : "[value]", shingle, seed);
    out.println("| series | rows | windows | ours: detected | ours: FP / 1k rows | NAB HTM: detected | "
        + "NAB HTM: FP / 1k rows | NAB RCF: detected | NAB RCF: FP / 1k rows |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    NabScorecard[] totals = new NabScorecard[1 + PUBLISHED.size()];
    for (String key : seriesKeys(dir)) {
      NabSeries series = NabSeries.read(dir, key);
      List<String[]> labelled = windows(windows.getJsonArray(key));
      List<NabScorecard> cards = new ArrayList<>();
      cards.add(NabScorecard.of(series.timestamps(), ours(options, settings, series, difference), labelled,
          series.probation()));
      for (String detectorName : PUBLISHED) {
        double threshold = thresholds.getJsonObject(detectorName).getJsonObject("standard").getDouble("threshold");
        cards.add(NabScorecard.of(series.timestamps(), published(dir, detectorName, series, threshold), labelled,
            series.probation()));
      }
      for (int i = 0; i < cards.size(); i++) {
        totals[i] = totals[i] == null ? cards.get(i) : totals[i].plus(cards.get(i));
      }
      row(out, key, series.rows(), cards);
    }
    row(out, "**all**", totals[0].rows(), Arrays.asList(totals));
  }

  private static boolean[] ours(DetectorOptions options, SessionSettings settings, NabSeries series,
                                boolean difference) {
    int dims = difference ? 2 : 1;
    double[] features = series.features(difference);
    OfflineSession session = new OfflineSession(options, settings, dims);
    boolean[] flagged = new boolean[series.rows()];
    for (int row = 0; row < series.rows(); row++) {
      flagged[row] = session.next(features, row * dims).anomaly();
    }
    return flagged;
  }

  /** NAB's per-row output of a detector; rows are matched by timestamp, which its files sometimes reorder. */
  private static boolean[] published(Path dir, String detector, NabSeries series, double threshold)
      throws IOException {
    String[] parts = series.key().split("/");
    Path file = dir.resolve("reference").resolve(detector).resolve(parts[0]).resolve(detector + "_" + parts[1]);
    List<String> lines = Files.readAllLines(file);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int score = header.indexOf("anomaly_score");
    Map<String, Integer> flagsAt = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      if (Double.parseDouble(cells[score]) >= threshold) {
        flagsAt.merge(cells[0].trim(), 1, Integer::sum);
      }
    }
    boolean[] flagged = new boolean[series.rows()];
    for (int row = 0; row < series.rows(); row++) {
      Integer left = flagsAt.get(series.timestamps().get(row));
      if (left != null && left > 0) {
        flagged[row] = true;
        flagsAt.put(series.timestamps().get(row), left - 1);
      }
    }
    return flagged;
  }

  private static List<String[]> windows(JsonArray json) {
    List<String[]> windows = new ArrayList<>();
    for (Object window : json) {
      JsonArray pair = (JsonArray) window;
      windows.add(new String[] {pair.getString(0).substring(0, 19), pair.getString(1).substring(0, 19)});
    }
    return windows;
  }

  private static List<String> seriesKeys(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir, 2)) {
      return files.filter(p -> p.toString().endsWith(".csv") && p.getParent().getFileName().toString()
              .startsWith("real"))
          .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  private static void row(PrintStream out, String name, int rows, List<NabScorecard> cards) {
    StringBuilder line = new StringBuilder("| " + name + " | " + rows + " | " + cards.get(0).windows());
    for (NabScorecard card : cards) {
      line.append(String.format(Locale.ROOT, " | %d/%d | %.2f", card.detected(), card.windows(),
          card.falsePositivesPerThousandRows()));
    }
    out.println(line.append(" |"));
  }
}
