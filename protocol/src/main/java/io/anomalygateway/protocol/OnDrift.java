package io.anomalygateway.protocol;

/** What a session does when continuous monitoring detects drift. */
public enum OnDrift implements WireNamed {
  /** Publish a drift event only. */
  ALERT_ONLY,
  /** Publish a drift event, take a fresh drift reference, and refit the detector on the post-drift samples. */
  REFIT;

  /**
   * @param wireName a value of {@code on_drift}
   * @return the policy
   * @throws ProtocolException with {@link ErrorCode#INVALID_CONFIG} for any other value
   */
  public static OnDrift ofWireName(String wireName) {
    return WireNames.find(OnDrift.class, wireName).orElseThrow(() -> new ProtocolException(ErrorCode.INVALID_CONFIG,
        "'on_drift' must be 'refit' or 'alert_only'."));
  }
}
