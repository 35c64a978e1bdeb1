package io.anomalygateway.launcher.offline;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of NAB's application profiles: what a detected window earns and what a missed window and a false alarm cost.
 *
 * @param name the profile's name in NAB's files, e.g. {@code standard}
 * @param truePositive A_TP, earned by a detection at the very start of a window
 * @param falsePositive A_FP, the most a detection outside every window costs
 * @param falseNegative A_FN, the cost of a window without a detection
 */
public record NabProfile(String name, double truePositive, double falsePositive, double falseNegative) {

  /** NAB's standard profile. */
  public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);

  /**
   * @param profilesJson NAB's {@code config/profiles.json}: profile → {@code CostMatrix} of weights
   * @return the profiles, in the file's order
   */
  public static List<NabProfile> read(Path profilesJson) throws IOException {
    JsonObject json = new JsonObject(DataFile.read(profilesJson));
    List<NabProfile> profiles = new ArrayList<>();
    for (String name : json.fieldNames()) {
      JsonObject costs = json.getJsonObject(name).getJsonObject("CostMatrix");
      profiles.add(new NabProfile(name, costs.getDouble("tpWeight"), costs.getDouble("fpWeight"),
          costs.getDouble("fnWeight")));
    }
    return profiles;
  }

  /** @return the raw score of a detector that never fires, on {@code windows} windows */
  public double nullScore(int windows) {
    return -falseNegative * windows;
  }

  /** @return the raw score of a detector that fires at the start of every window and nowhere else */
  public double perfectScore(int windows) {
    return truePositive * windows;
  }

  /**
   * NAB's normalised score: 0 for the null detector, 100 for the perfect one.
   *
   * @param raw a raw score summed over series
   * @param windows the windows of those series
   * @return {@code 100 (raw - null) / (perfect - null)}
   */
  public double normalise(double raw, int windows) {
    double none = nullScore(windows);
    return 100.0 * (raw - none) / (perfectScore(windows) - none);
  }
}
