package io.anomalygateway.alerts;

import java.util.UUID;

/**
 * The state of one rule for one subject (a session or a gateway node): quiet, or an incident in progress, with
 * when it was last announced. An incident fires once, again at most once per cooldown while it lasts, and resolves
 * once when its condition clears: a storm of anomalies makes one alert per cooldown, not one per anomaly.
 */
final class Incident {

  /** What to announce after an observation. */
  enum Change { NONE, FIRED, REPEATED, RESOLVED }

  private String id;
  private long lastAnnounced;
  private long repeats;

  /**
   * @param holds whether the rule's condition holds now
   * @param clears whether the condition has cleared (below the threshold with its hysteresis)
   * @param now the current {@link System#nanoTime()}
   * @param cooldownNanos the least time between two announcements of a lasting incident
   * @return what to announce
   */
  Change observe(boolean holds, boolean clears, long now, long cooldownNanos) {
    if (id == null) {
      if (!holds) {
        return Change.NONE;
      }
      id = UUID.randomUUID().toString();
      lastAnnounced = now;
      repeats = 0;
      return Change.FIRED;
    }
    if (clears) {
      return Change.RESOLVED;
    }
    if (holds && now - lastAnnounced >= cooldownNanos) {
      lastAnnounced = now;
      repeats++;
      return Change.REPEATED;
    }
    return Change.NONE;
  }

  /** Ends the incident once its resolution was announced. */
  void close() {
    id = null;
  }

  String id() {
    return id;
  }

  long repeats() {
    return repeats;
  }

  boolean open() {
    return id != null;
  }
}
