package io.anomalygateway.protocol;

/**
 * A request that breaks the protocol: carries the error to send and, when it could be read, the request id to echo.
 *
 * <p>It has no stack trace: client mistakes are expected, frequent under attack, and must stay cheap.
 */
public final class ProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ProtocolError error;
  private final String requestId;

  /**
   * @param code what is wrong
   * @param message a human explanation that names the offending field
   */
  public ProtocolException(ErrorCode code, String message) {
    this(new ProtocolError(code, message), null);
  }

  /**
   * @param error the error to report
   * @param requestId the request id to echo, or {@code null} when it could not be read
   */
  public ProtocolException(ProtocolError error, String requestId) {
    super(error.message(), null, false, false);
    this.error = error;
    this.requestId = requestId;
  }

  /** @return the error to send to the client */
  public ProtocolError error() {
    return error;
  }

  /** @return the request id to echo, or {@code null} */
  public String requestId() {
    return requestId;
  }

  /**
   * @param requestId the request id read from the message
   * @return this error attributed to that request
   */
  public ProtocolException withRequestId(String requestId) {
    return requestId == null || requestId.equals(this.requestId) ? this : new ProtocolException(error, requestId);
  }
}
