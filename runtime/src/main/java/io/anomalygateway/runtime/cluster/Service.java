package io.anomalygateway.runtime.cluster;

/**
 * The services whose instances own sessions: every request about a session goes to the one instance of the service
 * that owns it, so that a session's state is never split between instances.
 */
public enum Service {

  /** The detector verticle: a session's models. */
  DETECTOR("detector"),
  /** The drift verticle: a session's reference window and drift monitors. */
  DRIFT("drift"),
  /** The alerts verticle: a session's anomaly-rate windows. */
  ALERTS("alerts");

  private final String wireName;

  Service(String wireName) {
    this.wireName = wireName;
  }

  /** @return the name in presence messages and configuration */
  public String wireName() {
    return wireName;
  }

  /**
   * @param name a name from {@link #wireName()}
   * @return the service
   * @throws IllegalArgumentException for an unknown name
   */
  public static Service ofWireName(String name) {
    for (Service service : values()) {
      if (service.wireName.equals(name)) {
        return service;
      }
    }
    throw new IllegalArgumentException("Unknown service: " + name);
  }
}
