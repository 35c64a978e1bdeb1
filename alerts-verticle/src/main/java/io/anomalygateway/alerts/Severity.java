package io.anomalygateway.alerts;

import io.anomalygateway.protocol.WireNamed;
import io.anomalygateway.protocol.WireNames;

import java.util.Locale;

/** How urgent an alert is. A resolved alert is always {@link #INFO}. */
public enum Severity implements WireNamed {

  /** Worth knowing; also every "back to normal" alert. */
  INFO,
  /** Worth a look soon. */
  WARNING,
  /** Worth waking someone. */
  CRITICAL;

  /**
   * @param name {@code info}, {@code warning} or {@code critical}, in any case
   * @return the severity
   * @throws IllegalArgumentException when the name is none of them
   */
  public static Severity ofWireName(String name) {
    return WireNames.find(Severity.class, name == null ? null : name.toLowerCase(Locale.ROOT)).orElseThrow(() ->
        new IllegalArgumentException("severity must be info, warning or critical, got '" + name + "'"));
  }
}
