package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.Samples;

/**
 * A {@code sample} request: one sample to score.
 *
 * @param requestId the client's request id, or {@code null}
 * @param data the sample: one row of finite numbers
 * @param algorithm the algorithm to use, or {@code null} for the session's default
 * @param timestamp the client's ISO-8601 timestamp of the sample, or {@code null}
 */
public record SampleRequest(String requestId, Samples data, Algorithm algorithm, String timestamp) implements Request {

  @Override
  public RequestType type() {
    return RequestType.SAMPLE;
  }
}
