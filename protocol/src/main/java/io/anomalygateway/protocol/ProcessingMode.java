package io.anomalygateway.protocol;

/** How the gateway forwards a connection's samples to the detector. */
public enum ProcessingMode implements WireNamed {
  /** Each sample is sent to the detector as soon as it arrives. */
  REALTIME,
  /**
   * Samples are accumulated per connection and sent together once {@code batch_size} have arrived or
   * {@code batch_timeout} has passed; each sample is still answered with its own result.
   */
  BATCH;

  /**
   * @param wireName a value of {@code processing_mode}
   * @return the mode
   * @throws ProtocolException with {@link ErrorCode#INVALID_CONFIG} for any other value
   */
  public static ProcessingMode ofWireName(String wireName) {
    return WireNames.find(ProcessingMode.class, wireName).orElseThrow(() ->
        new ProtocolException(ErrorCode.INVALID_CONFIG,
        "'processing_mode' must be 'realtime' or 'batch'."));
  }
}
