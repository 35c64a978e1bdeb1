package io.anomalygateway.client;

/**
 * The server answered a request with an {@code error}: the request was not processed. The code is one of the
 * protocol's error codes (README, "Errors"), e.g. {@code DIMENSION_MISMATCH} or {@code DETECTOR_UNAVAILABLE}.
 */
public final class ProtocolErrorException extends AnomalyClientException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String requestId;

  /**
   * @param code the protocol error code
   * @param message the server's explanation
   * @param requestId the request it answers, or {@code null}
   */
  public ProtocolErrorException(String code, String message, String requestId) {
    super(code + ": " + message);
    this.code = code;
    this.requestId = requestId;
  }

  /** @return the protocol error code, e.g. {@code DIMENSION_MISMATCH} */
  public String code() {
    return code;
  }

  /** @return the id of the request that failed, or {@code null} */
  public String requestId() {
    return requestId;
  }
}
