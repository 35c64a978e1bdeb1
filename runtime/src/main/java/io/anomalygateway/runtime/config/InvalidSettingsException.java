package io.anomalygateway.runtime.config;

import java.util.List;

/**
 * A configuration section that cannot be used as given. The message names the section, the key and the value, so
 * that an operator can fix the file without reading code.
 */
public final class InvalidSettingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String section;
  private final List<String> keys;

  /**
   * @param section the section's name
   * @param keys the keys the problem involves, first the offending one; none when it is the section as a whole
   * @param problem what is wrong, naming the keys and their values
   */
  public InvalidSettingsException(String section, List<String> keys, String problem) {
    super("section \"" + section + "\": " + problem);
    this.section = section;
    this.keys = List.copyOf(keys);
  }

  /** @return the first offending key, or {@code null} when the problem is the section as a whole */
  public String key() {
    return keys.isEmpty() ? null : keys.get(0);
  }

  /** @return every key the problem involves: for a rule between keys, each of them */
  public List<String> keys() {
    return keys;
  }

  /** @return the section's name */
  public String section() {
    return section;
  }
}
