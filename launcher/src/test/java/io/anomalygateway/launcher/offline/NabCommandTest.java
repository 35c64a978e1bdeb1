package io.anomalygateway.launcher.offline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nab} on a corpus of two NAB series laid out as NAB lays out its corpus ({@code testdata/nab-corpus/}: one
 * series with a jump in its daily pattern, one without anomalies), through its command line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NabCommandTest {

  private static final Path CORPUS = SharedData.dir().resolve("nab-corpus");

  private Path output;
  private String printed;
  private int exitCode;

  @BeforeAll
  void runNab(@TempDir Path dir) {
    output = dir;
    NabRun run = NabRun.of("--data", CORPUS.toString(), "--output", output.toString());
    exitCode = run.exitCode();
    printed = run.printed();
  }

  @Test
  void writesOneResultsFileInNabsFormatPerSeries() throws IOException {
    assertThat(exitCode).isZero();
    Path jumps = output.resolve("anomalyGateway/artificialWithAnomaly/anomalyGateway_art_daily_jumpsup.csv");
    Path quiet = output.resolve("anomalyGateway/artificialNoAnomaly/anomalyGateway_art_daily_no_noise.csv");
    for (Path file : List.of(jumps, quiet)) {
      List<String> lines = Files.readAllLines(file);
      assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,label");
      assertThat(lines).hasSize(4032 + 1);
      for (String line : lines.subList(1, lines.size())) {
        double score = Double.parseDouble(line.split(",")[2]);
        assertThat(score).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void labelsTheRowsOfEachWindowOne() throws IOException {
    List<String> lines = Files.readAllLines(output.resolve(
        "anomalyGateway/artificialWithAnomaly/anomalyGateway_art_daily_jumpsup.csv"));
    List<String> labelled = lines.stream().filter(line -> line.endsWith(",1")).toList();
    // NAB's one window of this series: 2014-04-10 16:15:00 to 2014-04-12 01:45:00 (10% of its 4,032 rows).
    assertThat(labelled).hasSize(403);
    assertThat(labelled.get(0)).startsWith("2014-04-10 16:15:00,");
    assertThat(labelled.get(402)).startsWith("2014-04-12 01:45:00,");
  }

  @Test
  void printsTheScorePerProfileBesideThePublishedScoreboard() {
    assertThat(printed).contains("| standard |", "| reward_low_FP_rate |", "| reward_low_FN_rate |");
    assertThat(printed).contains("| **ours** |", "| numenta | 70.1 | 63.1 | 74.3 |", "| ARTime | 74.9 |");
  }

  @Test
  void findsTheJumpAndRaisesNoFalseAlarmOnTheQuietSeries() {
    assertThat(printed).contains("| artificialWithAnomaly | 1 | 4032 | 1 | 1 |");
    assertThat(printed).contains("| artificialNoAnomaly | 1 | 4032 | 0 | 0 | 0.00 |");
  }

  @Test
  void aFolderThatIsNotNabsCorpusIsAUsageErrorSayingWhatItLacks(@TempDir Path empty) {
    NabRun run = NabRun.of("--data", empty.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("--data " + empty + " has no data/ folder").doesNotContain("Exception");
  }

  @Test
  void aMissingCandidatesFileIsAUsageError(@TempDir Path dir) {
    NabRun run = NabRun.of("--data", CORPUS.toString(), "--candidates", dir.resolve("absent.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("absent.json does not exist").doesNotContain("Exception");
  }
}
