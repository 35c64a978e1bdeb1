package io.anomalygateway.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The detection algorithms a session can use, by their wire name. */
public enum Algorithm {
  /** Isolation Forest (Liu, Ting and Zhou 2008): the default. */
  ISOLATION_FOREST("isolation_forest"),
  /** A one-class SVM on random Fourier features of standardised inputs (an RBF-kernel approximation). */
  ONE_CLASS_SVM("one_class_svm"),
  /** Thresholded Random Cut Forest (Guha et al. 2016): a streaming detector, updated with every sample. */
  RANDOM_CUT_FOREST("random_cut_forest");

  private final String wireName;

  Algorithm(String wireName) {
    this.wireName = wireName;
  }

  /** @return the name used in {@code algorithm} fields */
  public String wireName() {
    return wireName;
  }

  /**
   * @param wireName a value of an {@code algorithm} field
   * @return the algorithm
   * @throws ProtocolException with {@link ErrorCode#UNKNOWN_ALGORITHM} when there is no such algorithm
   */
  public static Algorithm ofWireName(String wireName) {
    for (Algorithm algorithm : values()) {
      if (algorithm.wireName.equals(wireName)) {
        return algorithm;
      }
    }
    throw new ProtocolException(ErrorCode.UNKNOWN_ALGORITHM,
        "Unknown algorithm; use one of: " + wireNames() + ".");
  }

  /** @return the wire names of all algorithms, comma-separated */
  public static String wireNames() {
    return Arrays.stream(values()).map(Algorithm::wireName).collect(Collectors.joining(", "));
  }
}
