package io.anomalygateway.launcher.offline;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.OfflineScoring;
import io.anomalygateway.protocol.Algorithm;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection quality against scikit-learn's figures on the labelled data sets (fit on all rows, score all rows):
 * the Isolation Forest's mean ROC-AUC over seeds 0-4 must stay within 0.01 of scikit-learn's IsolationForest (or
 * twice its seed-to-seed sd, where larger); the one-class SVM's within 0.03 of scikit-learn's OneClassSVM(rbf).
 * Only the smaller data sets run here, to keep the suite fast; the docs tabulate all of them.
 */
@Timeout(300)
class AccuracyTest {

  private final OfflineScoring scoring = new OfflineScoring(DetectorOptions.defaults());

  @ParameterizedTest(name = "{0}: scikit-learn {1} (sd {2})")
  @CsvSource({
      "breastw.csv,     0.9876, 0.0017",
      "cardio.csv,      0.9318, 0.0121",
      "mammography.csv, 0.8588, 0.0040",
      "pendigits.csv,   0.9404, 0.0130",
      "satimage-2.csv,  0.9938, 0.0012",
      "thyroid.csv,     0.9777, 0.0024"})
  void isolationForestMatchesScikitLearn(String file, double reference, double sd) {
    double mean = meanAuc(Algorithm.ISOLATION_FOREST, file, 5);
    assertThat(mean).isGreaterThanOrEqualTo(reference - Math.max(0.01, 2 * sd));
  }

  @ParameterizedTest(name = "{0}: scikit-learn OneClassSVM(rbf) {1}")
  @CsvSource({
      "breastw.csv,    0.4898",
      "cardio.csv,     0.8739",
      "satimage-2.csv, 0.9953",
      "thyroid.csv,    0.9304"})
  void oneClassSvmIsAtLeastAsGoodAsScikitLearnsRbfSvm(String file, double reference) {
    assertThat(meanAuc(Algorithm.ONE_CLASS_SVM, file, 3)).isGreaterThanOrEqualTo(reference - 0.03);
  }

  private double meanAuc(Algorithm algorithm, String file, int seeds) {
    CsvTable table = SharedData.csv("anomaly/" + file);
    double sum = 0;
    for (int seed = 0; seed < seeds; seed++) {
      sum += RankMetrics.rocAuc(scoring.score(algorithm, table.features(), seed), table.labels());
    }
    return sum / seeds;
  }
}
