package io.anomalygateway.protocol;

/** The detection algorithms a session can use, by their wire name. */
public enum Algorithm implements WireNamed {
  /** Isolation Forest (Liu, Ting and Zhou 2008): the default. */
  ISOLATION_FOREST,
  /** A one-class SVM on random Fourier features of standardised inputs (an RBF-kernel approximation). */
  ONE_CLASS_SVM,
  /** Thresholded Random Cut Forest (Guha et al. 2016): a streaming detector, updated with every sample. */
  RANDOM_CUT_FOREST;

  /**
   * @param wireName a value of an {@code algorithm} field
   * @return the algorithm
   * @throws ProtocolException with {@link ErrorCode#UNKNOWN_ALGORITHM} when there is no such algorithm
   */
  public static Algorithm ofWireName(String wireName) {
    return WireNames.find(Algorithm.class, wireName).orElseThrow(() ->
        new ProtocolException(ErrorCode.UNKNOWN_ALGORITHM, "Unknown algorithm; use one of: " + wireNames() + "."));
  }

  /** @return the wire names of all algorithms, comma-separated */
  public static String wireNames() {
    return WireNames.list(Algorithm.class);
  }
}
