package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.RequestType;

/**
 * A {@code ping} request.
 *
 * @param requestId the client's request id, or {@code null}
 */
public record PingRequest(String requestId) implements Request {

  @Override
  public RequestType type() {
    return RequestType.PING;
  }
}
