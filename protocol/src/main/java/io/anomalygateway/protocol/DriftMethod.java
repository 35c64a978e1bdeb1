package io.anomalygateway.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The drift tests a {@code drift} request can ask for, by their wire name. */
public enum DriftMethod {
  /** Two-sample Kolmogorov-Smirnov test per feature, reference window against the recent window. */
  KS("ks"),
  /** Population stability index per feature over quantile bins of the reference window. */
  PSI("psi"),
  /** ADWIN (Bifet and Gavalda 2007) per feature, over the stream since the reference was taken. */
  ADWIN("adwin"),
  /** Page-Hinkley per feature, over the stream since the reference was taken. */
  PAGE_HINKLEY("page_hinkley");

  private final String wireName;

  DriftMethod(String wireName) {
    this.wireName = wireName;
  }

  /** @return the name used in {@code method} */
  public String wireName() {
    return wireName;
  }

  /**
   * @param wireName a value of {@code method}
   * @return the method
   * @throws ProtocolException with {@link ErrorCode#INVALID_FIELD} for any other value
   */
  public static DriftMethod ofWireName(String wireName) {
    for (DriftMethod method : values()) {
      if (method.wireName.equals(wireName)) {
        return method;
      }
    }
    throw new ProtocolException(ErrorCode.INVALID_FIELD, "'method' must be one of: "
        + Arrays.stream(values()).map(DriftMethod::wireName).collect(Collectors.joining(", ")) + ".");
  }
}
