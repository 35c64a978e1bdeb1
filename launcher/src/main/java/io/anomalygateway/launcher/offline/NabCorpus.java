package io.anomalygateway.launcher.offline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The NAB corpus as NAB lays it out: {@code data/<category>/<series>.csv}, {@code labels/combined_windows.json},
 * {@code config/profiles.json} and the published scoreboard {@code results/final_results.json}. Files may be
 * gzipped ({@link DataFile}).
 *
 * @param dir the corpus' folder
 * @param keys every series, {@code <category>/<file>.csv}, sorted
 * @param windows NAB's scoring windows of every series
 * @param profiles the application profiles
 * @param scoreboard the published normalised scores: detector → profile → score (empty when absent)
 */
record NabCorpus(Path dir, List<String> keys, JsonObject windows, List<NabProfile> profiles, JsonObject scoreboard) {

  static NabCorpus read(Path dir) throws IOException {
    Path data = dir.resolve("data");
    List<String> keys;
    try (Stream<Path> files = Files.walk(data, 2)) {
      keys = files.filter(p -> p.getNameCount() == data.getNameCount() + 2)
          .map(p -> data.relativize(p).toString().replace('\\', '/').replaceFirst("\\.gz$", ""))
          .filter(key -> key.endsWith(".csv")).sorted().toList();
    }
    JsonObject windows = new JsonObject(DataFile.read(dir.resolve("labels/combined_windows.json")));
    List<NabProfile> profiles = NabProfile.read(dir.resolve("config/profiles.json"));
    Path results = dir.resolve("results/final_results.json");
    JsonObject scoreboard = exists(results) ? new JsonObject(DataFile.read(results)) : new JsonObject();
    return new NabCorpus(dir, keys, windows, profiles, scoreboard);
  }

  private static boolean exists(Path file) {
    try {
      DataFile.resolve(file);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  NabSeries series(String key) throws IOException {
    return NabSeries.read(dir.resolve("data"), key);
  }

  /**
   * @return the series' windows as inclusive {@code [start, end]} timestamps, {@code YYYY-MM-DD HH:MM:SS}
   * @throws IllegalArgumentException when the labels do not know the series
   */
  List<String[]> windows(String key) {
    JsonArray labelled = windows.getJsonArray(key);
    if (labelled == null) {
      throw new IllegalArgumentException("labels/combined_windows.json has no windows for " + key);
    }
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < labelled.size(); i++) {
      JsonArray pair = labelled.getJsonArray(i);
      pairs.add(new String[] {seconds(pair.getString(0)), seconds(pair.getString(1))});
    }
    return pairs;
  }

  /** NAB's labels carry microseconds ({@code .000000}) that its series do not. */
  private static String seconds(String timestamp) {
    return timestamp.length() > 19 ? timestamp.substring(0, 19) : timestamp;
  }

  /** @return the categories, sorted */
  List<String> categories() {
    return keys.stream().map(key -> key.substring(0, key.indexOf('/'))).distinct().toList();
  }
}
