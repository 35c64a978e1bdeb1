package io.anomalygateway.runtime.config;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Comparator;

/** The nearest known key to a misspelt one, so that an unknown key's message says what was probably meant. */
public final class Suggestions {

  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private Suggestions() {
  }

  /**
   * @param key the unknown key
   * @param known the keys that exist there
   * @return {@code " (did you mean "x"?)"}, or an empty string when no known key is near
   */
  public static String didYouMean(String key, Collection<?> known) {
    return known.stream().map(String::valueOf)
        .filter(candidate -> DISTANCE.apply(candidate, key) >= 0)
        .min(Comparator.comparingInt(candidate -> DISTANCE.apply(candidate, key)))
        .map(candidate -> " (did you mean \"" + candidate + "\"?)").orElse("");
  }
}
