package io.anomalygateway.launcher.offline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nab --candidates FILE} on the two-series corpus of {@code testdata/nab-corpus/}: each category held out in
 * turn, a candidate and a threshold chosen on the other, and the held-out outcomes summed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NabCrossValidationTest {

  private static final Path CORPUS = SharedData.dir().resolve("nab-corpus");

  private String printed;
  private int exitCode;

  @BeforeAll
  void crossValidate(@TempDir Path dir) throws IOException {
    Path candidates = dir.resolve("candidates.json");
    Files.writeString(candidates, """
        [
          {"name": "every alert", "shingle": 8, "set": {"rcf_alert_gap": 0, "rcf_rarity_weight": 0}},
          {"name": "rare alerts", "shingle": 16, "set": {}}
        ]""");
    NabRun run = NabRun.of("--data", CORPUS.toString(), "--candidates", candidates.toString());
    exitCode = run.exitCode();
    printed = run.printed();
  }

  @Test
  void scoresEveryCandidateOnTheWholeCorpusFirst() {
    assertThat(exitCode).isZero();
    assertThat(printed).containsPattern("\\| every alert \\| \\d+\\.\\d \\| \\d+\\.\\d \\| \\d+\\.\\d \\|");
    assertThat(printed).containsPattern("\\| rare alerts \\| \\d+\\.\\d \\| \\d+\\.\\d \\| \\d+\\.\\d \\|");
  }

  @Test
  void holdsOutEachCategoryOncePerProfile() {
    for (String profile : List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate")) {
      for (String category : List.of("artificialNoAnomaly", "artificialWithAnomaly")) {
        assertThat(printed).containsPattern("\\| " + category + " \\| " + profile
            + " \\| (every alert|rare alerts) \\| \\d\\.\\d{6} \\|");
      }
    }
  }

  @Test
  void aCategoryWithoutWindowsIsReportedByItsRawScore() {
    assertThat(printed).containsPattern("\\| artificialNoAnomaly \\| standard \\| [a-z ]+ \\| \\d\\.\\d{6} \\| raw -?\\d");
  }

  @Test
  void sumsTheHeldOutOutcomesIntoOneScorePerProfileWithinTheNormalisedRange() {
    Matcher total = Pattern.compile("\\| standard \\| \\*\\*(-?\\d+\\.\\d)\\*\\* \\|").matcher(printed);
    assertThat(total.find()).isTrue();
    assertThat(Double.parseDouble(total.group(1))).isBetween(-100.0, 100.0);
    assertThat(printed).contains("| reward_low_FP_rate | **", "| reward_low_FN_rate | **");
  }
}
