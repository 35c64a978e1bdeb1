package io.anomalygateway.launcher.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A data file of the offline commands, plain or gzip-compressed: a name that does not exist is looked for with
 * {@code .gz} appended, so that the compressed copies in the repository's {@code testdata/} serve as well as the
 * full reference data.
 */
public final class DataFile {

  private DataFile() {
  }

  /**
   * @param file a data file
   * @return the file, or its {@code .gz} copy when only that exists
   * @throws NoSuchFileException when neither exists
   */
  public static Path resolve(Path file) throws NoSuchFileException {
    if (Files.exists(file)) {
      return file;
    }
    Path gzipped = file.resolveSibling(file.getFileName() + ".gz");
    if (Files.exists(gzipped)) {
      return gzipped;
    }
    throw new NoSuchFileException(file + " (nor " + gzipped.getFileName() + ")");
  }

  /**
   * @param file a data file, found as {@link #resolve(Path)} does
   * @return its bytes, decompressed when its name ends in {@code .gz}
   */
  public static InputStream open(Path file) throws IOException {
    Path found = resolve(file);
    InputStream in = Files.newInputStream(found);
    return found.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  /** @return the text of the file, decompressed */
  public static String read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
