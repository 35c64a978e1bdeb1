package io.anomalygateway.alerts;

import java.util.Locale;

/** How urgent an alert is. A resolved alert is always {@link #INFO}. */
public enum Severity {

  /** Worth knowing; also every "back to normal" alert. */
  INFO,
  /** Worth a look soon. */
  WARNING,
  /** Worth waking someone. */
  CRITICAL;

  /** @return the name in {@code alerts.json}, alert events and the {@code severity} tag of the alert counter */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param name {@code info}, {@code warning} or {@code critical}, in any case
   * @return the severity
   * @throws IllegalArgumentException when the name is none of them
   */
  public static Severity ofWireName(String name) {
    for (Severity severity : values()) {
      if (severity.wireName().equalsIgnoreCase(name)) {
        return severity;
      }
    }
    throw new IllegalArgumentException("severity must be info, warning or critical, got '" + name + "'");
  }
}
