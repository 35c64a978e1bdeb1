package io.anomalygateway.protocol;

/** How the gateway forwards a connection's samples to the detector. */
public enum ProcessingMode {
  /** Each sample is sent to the detector as soon as it arrives. */
  REALTIME("realtime"),
  /**
   * Samples are accumulated per connection and sent together once {@code batch_size} have arrived or
   * {@code batch_timeout} has passed; each sample is still answered with its own result.
   */
  BATCH("batch");

  private final String wireName;

  ProcessingMode(String wireName) {
    this.wireName = wireName;
  }

  /** @return the name used in {@code processing_mode} */
  public String wireName() {
    return wireName;
  }

  /**
   * @param wireName a value of {@code processing_mode}
   * @return the mode
   * @throws ProtocolException with {@link ErrorCode#INVALID_CONFIG} for any other value
   */
  public static ProcessingMode ofWireName(String wireName) {
    for (ProcessingMode mode : values()) {
      if (mode.wireName.equals(wireName)) {
        return mode;
      }
    }
    throw new ProtocolException(ErrorCode.INVALID_CONFIG, "'processing_mode' must be 'realtime' or 'batch'.");
  }
}
