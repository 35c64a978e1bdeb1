package io.anomalygateway.launcher.offline;

import io.vertx.core.json.JsonObject;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A detector's NAB results as Markdown tables: per profile the corpus-optimal threshold and the normalised score,
 * beside the published scoreboard; then per category, at those thresholds, the score, the windows found and the
 * false alarms per 1,000 scored rows.
 *
 * @param corpus the corpus
 * @param outputs the detector's output on every series
 * @param thresholds per profile, in the corpus' order of profiles, the corpus-optimal threshold
 */
record NabReport(NabCorpus corpus, List<NabStream.Output> outputs, List<NabThresholdSweep.Best> thresholds) {

  static NabReport of(NabCorpus corpus, List<NabStream.Output> outputs) {
    List<NabThresholdSweep.Run> runs = outputs.stream().map(NabStream.Output::run).toList();
    List<NabThresholdSweep.Best> thresholds = corpus.profiles().stream()
        .map(profile -> NabThresholdSweep.optimise(runs, profile)).toList();
    return new NabReport(corpus, outputs, thresholds);
  }

  /** @return the outcome of the series of a category ({@code null}: all) under a profile, at its threshold */
  NabOutcome outcome(String category, int profile) {
    NabOutcome sum = NabOutcome.NONE;
    for (NabStream.Output output : outputs) {
      if (category == null || output.series().category().equals(category)) {
        sum = sum.plus(output.scoring().score(output.scores(), thresholds.get(profile).threshold(),
            corpus.profiles().get(profile)));
      }
    }
    return sum;
  }

  /** @return the outcome of the session's own decisions ({@code is_anomaly}), with no threshold tuned */
  NabOutcome flagged(NabProfile profile) {
    NabOutcome sum = NabOutcome.NONE;
    for (NabStream.Output output : outputs) {
      sum = sum.plus(output.scoring().score(output.flagged(), 1.0, profile));
    }
    return sum;
  }

  /** @return the normalised corpus score per profile name */
  Map<String, Double> scores() {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int p = 0; p < thresholds.size(); p++) {
      NabProfile profile = corpus.profiles().get(p);
      scores.put(profile.name(), outcome(null, p).normalised(profile));
    }
    return scores;
  }

  void print(PrintWriter out, String ours) {
    List<NabProfile> profiles = corpus.profiles();
    out.println("| profile | threshold | raw score | normalised score | windows found | false alarms / 1k rows "
        + "| the session's own is_anomaly: score, windows, false alarms / 1k rows |");
    out.println("|---|---:|---:|---:|---:|---:|---|");
    for (int p = 0; p < profiles.size(); p++) {
      NabOutcome all = outcome(null, p);
      NabOutcome own = flagged(profiles.get(p));
      out.printf(Locale.ROOT, "| %s | %.6f | %.2f | **%.1f** | %d/%d | %.2f | %.1f, %d/%d, %.2f |%n",
          profiles.get(p).name(), thresholds.get(p).threshold(), all.raw(), all.normalised(profiles.get(p)),
          all.detected(), all.windows(), all.falseAlarmsPerThousandRows(), own.normalised(profiles.get(p)),
          own.detected(), own.windows(), own.falseAlarmsPerThousandRows());
    }
    out.println();
    printScoreboard(out, ours);
    out.println();
    printCategories(out);
  }

  private void printScoreboard(PrintWriter out, String ours) {
    List<NabProfile> profiles = corpus.profiles();
    StringBuilder header = new StringBuilder("| detector");
    profiles.forEach(profile -> header.append(" | ").append(profile.name()));
    out.println(header.append(" |"));
    out.println("|---" + "|---:".repeat(profiles.size()) + "|");
    List<Map.Entry<String, List<Double>>> rows = new ArrayList<>();
    rows.add(Map.entry("**" + ours + "**", new ArrayList<>(scores().values())));
    for (String detector : corpus.scoreboard().fieldNames()) {
      JsonObject published = corpus.scoreboard().getJsonObject(detector);
      rows.add(Map.entry(detector, profiles.stream().map(profile -> published.getDouble(profile.name())).toList()));
    }
    rows.sort(Comparator.comparing((Map.Entry<String, List<Double>> row) -> -row.getValue().get(0)));
    for (Map.Entry<String, List<Double>> row : rows) {
      StringBuilder line = new StringBuilder("| " + row.getKey());
      row.getValue().forEach(score -> line.append(String.format(Locale.ROOT, " | %.1f", score)));
      out.println(line.append(" |"));
    }
  }

  private void printCategories(PrintWriter out) {
    List<NabProfile> profiles = corpus.profiles();
    StringBuilder header = new StringBuilder("| category | series | rows | windows | found (" + profiles.get(0).name()
        + ") | false alarms / 1k rows (" + profiles.get(0).name() + ")");
    profiles.forEach(profile -> header.append(" | ").append(profile.name()));
    out.println(header.append(" |"));
    out.println("|---" + "|---:".repeat(5 + profiles.size()) + "|");
    for (String category : corpus.categories()) {
      List<NabStream.Output> in = outputs.stream().filter(o -> o.series().category().equals(category)).toList();
      NabOutcome standard = outcome(category, 0);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f", category,
          in.size(), in.stream().mapToInt(o -> o.series().rows()).sum(), standard.windows(), standard.detected(),
          standard.falseAlarmsPerThousandRows()));
      for (int p = 0; p < profiles.size(); p++) {
        NabOutcome outcome = outcome(category, p);
        line.append(outcome.windows() == 0 ? " | n/a"
            : String.format(Locale.ROOT, " | %.1f", outcome.normalised(profiles.get(p))));
      }
      out.println(line.append(" |"));
    }
  }
}
