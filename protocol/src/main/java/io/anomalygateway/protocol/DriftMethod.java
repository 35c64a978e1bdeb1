package io.anomalygateway.protocol;

/** The drift tests a {@code drift} request can ask for, by their wire name. */
public enum DriftMethod implements WireNamed {
  /** Two-sample Kolmogorov-Smirnov test per feature, reference window against the recent window. */
  KS,
  /** Population stability index per feature over quantile bins of the reference window. */
  PSI,
  /** ADWIN (Bifet and Gavalda 2007) per feature, over the stream since the reference was taken. */
  ADWIN,
  /** Page-Hinkley per feature, over the stream since the reference was taken. */
  PAGE_HINKLEY;

  /**
   * @param wireName a value of {@code method}
   * @return the method
   * @throws ProtocolException with {@link ErrorCode#INVALID_FIELD} for any other value
   */
  public static DriftMethod ofWireName(String wireName) {
    return WireNames.find(DriftMethod.class, wireName).orElseThrow(() -> new ProtocolException(ErrorCode.INVALID_FIELD,
        "'method' must be one of: " + WireNames.list(DriftMethod.class) + "."));
  }
}
