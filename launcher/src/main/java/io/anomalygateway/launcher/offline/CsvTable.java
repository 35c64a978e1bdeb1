package io.anomalygateway.launcher.offline;

import io.anomalygateway.protocol.Samples;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric CSV file with a header, read by Apache Commons CSV (RFC 4180: quoted fields, quoted commas and
 * {@code \r\n} line ends are all fine): the feature columns as {@link Samples}, and the label column apart when
 * there is one. Labels are never part of the features.
 *
 * @param header the feature columns' names
 * @param features the feature rows
 * @param labels the label of each row (1 = anomaly), or {@code null} when the file has no label column
 */
public record CsvTable(List<String> header, Samples features, int[] labels) {

  /**
   * @param file the CSV file, plain or gzipped (see {@link DataFile})
   * @param labelColumn the name of the label column; absent from the file is fine
   * @return the table
   * @throws IllegalArgumentException with the line number when a value is not a finite number
   */
  public static CsvTable read(Path file, String labelColumn) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
    try (CSVParser parser = CSVParser.parse(new InputStreamReader(DataFile.open(file), StandardCharsets.UTF_8),
        format)) {
      List<String> columns = parser.getHeaderNames();
      if (columns.isEmpty()) {
        throw new IllegalArgumentException(file + " is empty");
      }
      int label = columns.indexOf(labelColumn);
      List<String> header = new ArrayList<>(columns);
      if (label >= 0) {
        header.remove(label);
      }
      double[] values = new double[1024];
      int size = 0;
      List<Integer> labels = new ArrayList<>();
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (record.size() != columns.size()) {
          throw new IllegalArgumentException(file + " line " + line + ": " + record.size() + " cells, header has "
              + columns.size());
        }
        for (int c = 0; c < record.size(); c++) {
          double value = parse(record.get(c), file, line);
          if (c == label) {
            labels.add((int) value);
          } else {
            if (size == values.length) {
              values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
          }
        }
      }
      return new CsvTable(header, new Samples(header.size(), Arrays.copyOf(values, size)),
          label >= 0 ? labels.stream().mapToInt(Integer::intValue).toArray() : null);
    }
  }

  private static double parse(String cell, Path file, long lineNumber) {
    try {
      double value = Double.parseDouble(cell.trim());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the position
    }
    throw new IllegalArgumentException(file + " line " + lineNumber + ": '" + cell + "' is not a finite number");
  }
}
