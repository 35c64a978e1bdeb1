package io.anomalygateway.runtime.cluster;

import io.anomalygateway.protocol.WireNamed;
import io.anomalygateway.protocol.WireNames;

/**
 * The services whose instances own sessions: every request about a session goes to the one instance of the service
 * that owns it, so that a session's state is never split between instances.
 */
public enum Service implements WireNamed {

  /** The detector verticle: a session's models. */
  DETECTOR,
  /** The drift verticle: a session's reference window and drift monitors. */
  DRIFT,
  /** The alerts verticle: a session's anomaly-rate windows. */
  ALERTS;

  /** @return the service as operators read it in logs, e.g. {@code Detector} (the cluster tests find that line) */
  public String displayName() {
    String name = wireName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * @param name a name from {@link #wireName()}
   * @return the service
   * @throws IllegalArgumentException for an unknown name
   */
  public static Service ofWireName(String name) {
    return WireNames.find(Service.class, name).orElseThrow(() ->
        new IllegalArgumentException("Unknown service: " + name));
  }
}
