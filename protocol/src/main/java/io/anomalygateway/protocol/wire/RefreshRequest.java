package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.RequestType;

/**
 * A {@code refresh} request: a new token for the open connection, so that a long-lived connection outlives the
 * token it was opened with without reconnecting.
 *
 * @param requestId the client's request id, or {@code null}
 * @param token the new bearer token
 */
public record RefreshRequest(String requestId, String token) implements Request {

  @Override
  public RequestType type() {
    return RequestType.REFRESH;
  }

  /** Never shows the token: requests may be logged. */
  @Override
  public String toString() {
    return "RefreshRequest[requestId=" + requestId + "]";
  }
}
