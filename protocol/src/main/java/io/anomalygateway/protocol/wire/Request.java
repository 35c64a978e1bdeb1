package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.RequestType;

/**
 * A valid client request, as read by {@link RequestReader}.
 */
public sealed interface Request permits SampleRequest, BatchRequest, StatsRequest, PingRequest, ConfigRequest,
    DriftRequest, SubscribeRequest, RefreshRequest {

  /** @return the message type */
  RequestType type();

  /** @return the client's request id, echoed in the response, or {@code null} */
  String requestId();
}
