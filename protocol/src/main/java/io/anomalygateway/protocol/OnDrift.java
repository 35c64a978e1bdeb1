package io.anomalygateway.protocol;

/** What a session does when continuous monitoring detects drift. */
public enum OnDrift {
  /** Publish a drift event only. */
  ALERT_ONLY("alert_only"),
  /** Publish a drift event, take a fresh drift reference, and refit the detector on the post-drift samples. */
  REFIT("refit");

  private final String wireName;

  OnDrift(String wireName) {
    this.wireName = wireName;
  }

  /** @return the name used in {@code on_drift} */
  public String wireName() {
    return wireName;
  }

  /**
   * @param wireName a value of {@code on_drift}
   * @return the policy
   * @throws ProtocolException with {@link ErrorCode#INVALID_CONFIG} for any other value
   */
  public static OnDrift ofWireName(String wireName) {
    for (OnDrift policy : values()) {
      if (policy.wireName.equals(wireName)) {
        return policy;
      }
    }
    throw new ProtocolException(ErrorCode.INVALID_CONFIG, "'on_drift' must be 'refit' or 'alert_only'.");
  }
}
