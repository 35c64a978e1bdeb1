package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.Samples;

/**
 * A {@code batch} request: rows to score in order.
 *
 * @param requestId the client's request id, or {@code null}
 * @param rows the rows, all of one dimension
 * @param algorithm the algorithm to use, or {@code null} for the session's default
 */
public record BatchRequest(String requestId, Samples rows, Algorithm algorithm) implements Request {

  @Override
  public RequestType type() {
    return RequestType.BATCH;
  }
}
