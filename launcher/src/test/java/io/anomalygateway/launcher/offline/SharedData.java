package io.anomalygateway.launcher.offline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared reference data ({@code shared/data}: labelled data sets, NAB series, drift streams), which lives
 * beside the repository rather than in it: {@code -Danomaly.data.dir}, {@code $ANOMALY_DATA_DIR}, or a
 * {@code shared/data} folder next to the checkout or one of its parents.
 */
public final class SharedData {

  private SharedData() {
  }

  public static Path dir() {
    String configured = System.getProperty("anomaly.data.dir", System.getenv("ANOMALY_DATA_DIR"));
    if (configured != null) {
      return require(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate.resolve("anomaly"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("The shared reference data was not found: set ANOMALY_DATA_DIR to the folder "
        + "that holds anomaly/, nab/ and drift/");
  }

  public static Path anomaly(String file) {
    return require(dir().resolve("anomaly").resolve(file));
  }

  private static Path require(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(path + " does not exist");
    }
    return path;
  }
}
