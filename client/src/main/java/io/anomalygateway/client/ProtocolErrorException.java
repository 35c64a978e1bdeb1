package io.anomalygateway.client;

import io.anomalygateway.protocol.ErrorCode;

/**
 * The server answered a request with an {@code error}: the request was not processed. The code is one of the
 * protocol's {@link ErrorCode}s ({@code docs/protocol.md}, "Errors"), e.g. {@link ErrorCode#DIMENSION_MISMATCH} or
 * {@link ErrorCode#DETECTOR_UNAVAILABLE}.
 */
public final class ProtocolErrorException extends AnomalyClientException {

  private static final long serialVersionUID = 1L;

  private final String codeText;
  private final String requestId;

  /**
   * @param code the protocol error code as the server sent it
   * @param message the server's explanation
   * @param requestId the request it answers, or {@code null}
   */
  public ProtocolErrorException(String code, String message, String requestId) {
    super(code + ": " + message);
    this.codeText = code;
    this.requestId = requestId;
  }

  /**
   * @return the error code, e.g. {@link ErrorCode#DIMENSION_MISMATCH}; a code this client does not know (from a
   *     newer server) is {@link ErrorCode#INTERNAL_ERROR}, and {@link #codeText()} keeps it as sent
   */
  public ErrorCode code() {
    return ErrorCode.ofCode(codeText);
  }

  /** @return the error code exactly as the server sent it */
  public String codeText() {
    return codeText;
  }

  /** @return the id of the request that failed, or {@code null} */
  public String requestId() {
    return requestId;
  }
}
