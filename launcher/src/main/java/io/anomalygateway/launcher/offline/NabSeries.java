package io.anomalygateway.launcher.offline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Numenta Anomaly Benchmark series: a CSV of {@code timestamp,value} rows, plain or gzipped.
 *
 * @param key the series' key in NAB's label files, {@code <category>/<file>.csv}
 * @param timestamps each row's timestamp, {@code YYYY-MM-DD HH:MM:SS}
 * @param values each row's value
 */
record NabSeries(String key, List<String> timestamps, double[] values) {

  static NabSeries read(Path dataDir, String key) throws IOException {
    String[] lines = DataFile.read(dataDir.resolve(key)).split("\n");
    List<String> timestamps = new ArrayList<>(lines.length);
    double[] values = new double[lines.length - 1];
    int rows = 0;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cells = lines[i].split(",");
      timestamps.add(cells[0].trim());
      values[rows++] = Double.parseDouble(cells[1].trim());
    }
    return new NabSeries(key, timestamps, java.util.Arrays.copyOf(values, rows));
  }

  int rows() {
    return values.length;
  }

  /** @return the series' category, the folder it is in */
  String category() {
    return key.substring(0, key.indexOf('/'));
  }
}
