package io.anomalygateway.launcher.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Numenta Anomaly Benchmark series: a CSV of {@code timestamp,value} rows.
 *
 * @param key the series' key in NAB's label files, {@code <category>/<file>.csv}
 * @param timestamps each row's timestamp, {@code YYYY-MM-DD HH:MM:SS}
 * @param values each row's value
 */
record NabSeries(String key, List<String> timestamps, double[] values) {

  static NabSeries read(Path dataDir, String key) throws IOException {
    List<String> lines = Files.readAllLines(dataDir.resolve(key));
    List<String> timestamps = new ArrayList<>(lines.size());
    double[] values = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      timestamps.add(cells[0].trim());
      values[i - 1] = Double.parseDouble(cells[1].trim());
    }
    return new NabSeries(key, timestamps, values);
  }

  int rows() {
    return values.length;
  }

  /** @return NAB's probationary period: the first {@code min(floor(0.15 n), 750)} rows are not scored */
  int probation() {
    return Math.min((int) Math.floor(0.15 * rows()), 750);
  }

  /**
   * The detector's input per row: the value and its difference from the previous value (0 for the first row), so
   * that a sudden jump stands out even where the level itself is usual.
   *
   * @param withDifference whether to add the difference
   * @return rows of 1 or 2 values, flat
   */
  double[] features(boolean withDifference) {
    if (!withDifference) {
      return values.clone();
    }
    double[] features = new double[2 * rows()];
    for (int i = 0; i < rows(); i++) {
      features[2 * i] = values[i];
      features[2 * i + 1] = i == 0 ? 0.0 : values[i] - values[i - 1];
    }
    return features;
  }
}
