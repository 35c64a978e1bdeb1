package io.anomalygateway.launcher.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the reference data the tests read: the repository's {@code testdata/} folder (gzipped files, found by
 * walking up from the working directory), or another folder of the same layout named by
 * {@code -Danomaly.data.dir} or {@code $ANOMALY_DATA_DIR} (plain or gzipped files, see {@link DataFile}).
 */
public final class SharedData {

  private SharedData() {
  }

  /** @return the folder that holds {@code anomaly/} and {@code drift/} */
  public static Path dir() {
    String configured = System.getProperty("anomaly.data.dir", System.getenv("ANOMALY_DATA_DIR"));
    return configured != null ? Path.of(configured) : repository().resolve("testdata");
  }

  /** @return the root of the repository the tests run in: the folder above the working directory with testdata/ */
  public static Path repository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("testdata").resolve("anomaly"))) {
        return dir;
      }
    }
    throw new IllegalStateException("The repository's testdata/ folder was not found above "
        + Path.of("").toAbsolutePath() + ": run the tests inside a clone, or set ANOMALY_DATA_DIR");
  }

  /** @return the text of the file {@code relative} to {@link #dir()} (e.g. {@code drift/ks_reference.json}) */
  public static String text(String relative) {
    try {
      return DataFile.read(dir().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the CSV file {@code relative} to {@link #dir()}, its {@code label} column apart */
  public static CsvTable csv(String relative) {
    try {
      return CsvTable.read(dir().resolve(relative), "label");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
