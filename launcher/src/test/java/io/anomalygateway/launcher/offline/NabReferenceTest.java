package io.anomalygateway.launcher.offline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scorer against NAB's own: NAB's per-row output of its HTM and Random Cut Forest detectors on seven series
 * ({@code testdata/nab/reference/}), scored at the published corpus thresholds, gives NAB's published per-file raw
 * scores and TP/FP counts, under every profile.
 */
class NabReferenceTest {

  private static final Path NAB = SharedData.dir().resolve("nab");

  static Stream<Arguments> publishedScores() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (NabProfile profile : NabProfile.read(NAB.resolve("reference/profiles.json"))) {
      for (String detector : List.of("numenta", "randomCutForest")) {
        String table = DataFile.read(NAB.resolve("reference/" + detector + "_" + profile.name() + "_scores.csv"));
        for (String line : table.split("\n")) {
          String[] cells = line.trim().split(",");
          if (cells[0].equals(detector)) {
            cases.add(Arguments.of(detector, profile, cells[2], Double.parseDouble(cells[3]),
                Double.parseDouble(cells[4]), Integer.parseInt(cells[5]), Integer.parseInt(cells[7])));
          }
        }
      }
    }
    assertThat(cases).hasSize(2 * 3 * 7);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("publishedScores")
  void reproducesNabsPerFileScore(String detector, NabProfile profile, String series, double threshold, double score,
                                  int truePositives, int falsePositives) throws IOException {
    String[] parts = series.split("/");
    String output = DataFile.read(NAB.resolve("reference/" + detector + "/" + parts[0] + "/" + detector + "_"
        + parts[1]));
    List<String> timestamps = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    String[] lines = output.split("\n");
    int column = List.of(lines[0].trim().split(",")).indexOf("anomaly_score");
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].trim().split(",");
      timestamps.add(cells[0]);
      scores.add(Double.parseDouble(cells[column]));
    }
    NabScoring scoring = NabScoring.of(timestamps, windows(series));
    NabOutcome outcome = scoring.score(scores.stream().mapToDouble(Double::doubleValue).toArray(), threshold,
        profile);
    assertThat(outcome.raw()).isCloseTo(score, within(1e-9));
    assertThat(outcome.truePositiveRows()).isEqualTo(truePositives);
    assertThat(outcome.falsePositiveRows()).isEqualTo(falsePositives);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void theNullDetectorScoresAsNabsNullDetector(NabProfile profile) throws IOException {
    String table = DataFile.read(NAB.resolve("reference/null_" + profile.name() + "_scores.csv"));
    int files = 0;
    for (String line : table.split("\n")) {
      String[] cells = line.trim().split(",");
      if (cells[0].equals("null")) {
        int windows = windows(cells[2]).size();
        assertThat(profile.nullScore(windows)).isEqualTo(Double.parseDouble(cells[4]));
        files++;
      } else if (cells[0].equals("Totals")) {
        assertThat(profile.nullScore(116)).isEqualTo(Double.parseDouble(cells[4]));
      }
    }
    assertThat(files).isEqualTo(7);
  }

  static Stream<NabProfile> profiles() throws IOException {
    return NabProfile.read(NAB.resolve("reference/profiles.json")).stream();
  }

  private static List<String[]> windows(String series) throws IOException {
    JsonArray all = new JsonObject(DataFile.read(NAB.resolve("labels/combined_windows.json")))
        .getJsonArray(series);
    List<String[]> windows = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      windows.add(new String[] {all.getJsonArray(i).getString(0).substring(0, 19),
          all.getJsonArray(i).getString(1).substring(0, 19)});
    }
    return windows;
  }
}
