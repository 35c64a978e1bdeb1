package io.anomalygateway.launcher.offline;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leave-one-category-out cross-validation of a choice among candidate configurations: for each category, the
 * candidate and the threshold are chosen on the other categories alone (the best normalised score there), and the
 * held-out category is scored with them. The held-out outcomes, summed, estimate the score of the whole procedure
 * (choose a configuration and a threshold on a corpus) on series it has not seen.
 *
 * @param categories the categories, each held out in turn
 * @param candidates each candidate's name and its output on every series
 */
record NabCrossValidation(List<String> categories, Map<String, List<NabStream.Output>> candidates) {

  /**
   * What one fold chose and how the held-out category scored.
   *
   * @param heldOut the category held out
   * @param candidate the candidate chosen on the others
   * @param threshold the threshold chosen on the others
   * @param outcome the held-out category's outcome with them
   */
  record Fold(String heldOut, String candidate, double threshold, NabOutcome outcome) {
  }

  /** @return one fold per category, under the profile */
  List<Fold> folds(NabProfile profile) {
    List<Fold> folds = new ArrayList<>();
    for (String category : categories) {
      String chosen = null;
      NabThresholdSweep.Best best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, List<NabStream.Output>> candidate : candidates.entrySet()) {
        List<NabStream.Output> training = candidate.getValue().stream()
            .filter(output -> !output.series().category().equals(category)).toList();
        NabThresholdSweep.Best found = NabThresholdSweep.optimise(
            training.stream().map(NabStream.Output::run).toList(), profile);
        // Every candidate is trained on the same series, so the raw score ranks them as the normalised one does,
        // and it still ranks them when the training categories hold no window to normalise by.
        if (found.raw() > bestScore) {
          bestScore = found.raw();
          chosen = candidate.getKey();
          best = found;
        }
      }
      NabOutcome heldOut = NabOutcome.NONE;
      for (NabStream.Output output : candidates.get(chosen)) {
        if (output.series().category().equals(category)) {
          heldOut = heldOut.plus(output.scoring().score(output.scores(), best.threshold(), profile));
        }
      }
      folds.add(new Fold(category, chosen, best.threshold(), heldOut));
    }
    return folds;
  }

  /** @return the held-out outcomes summed */
  static NabOutcome total(List<Fold> folds) {
    return folds.stream().map(Fold::outcome).reduce(NabOutcome.NONE, NabOutcome::plus);
  }

  void print(PrintWriter out, List<NabProfile> profiles) {
    out.println("| held-out category | profile | candidate chosen on the others | threshold | held-out score |");
    out.println("|---|---|---|---:|---:|");
    StringBuilder totals = new StringBuilder();
    for (NabProfile profile : profiles) {
      List<Fold> folds = folds(profile);
      for (Fold fold : folds) {
        out.printf(Locale.ROOT, "| %s | %s | %s | %.6f | %s |%n", fold.heldOut(), profile.name(), fold.candidate(),
            fold.threshold(), fold.outcome().windows() == 0
                ? String.format(Locale.ROOT, "raw %.2f", fold.outcome().raw())
                : String.format(Locale.ROOT, "%.1f", fold.outcome().normalised(profile)));
      }
      totals.append(String.format(Locale.ROOT, "| %s | **%.1f** |%n", profile.name(),
          total(folds).normalised(profile)));
    }
    out.println();
    out.println("| profile | cross-validated score (held-out categories summed) |");
    out.println("|---|---:|");
    out.print(totals);
  }
}
