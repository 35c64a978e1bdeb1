package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.RequestType;

/**
 * A {@code drift} request: compares the session's reference window with its most recent samples, or, with
 * {@code reset}, takes a fresh reference.
 *
 * @param requestId the client's request id, or {@code null}
 * @param windowSize the number of recent samples to compare, or {@code null} for the server's default
 * @param method the test, or {@code null} for the server's default
 * @param alpha the significance level after correction for multiple features, or {@code null} for the default
 * @param reset whether to discard the reference and start collecting a new one
 */
public record DriftRequest(String requestId, Integer windowSize, DriftMethod method, Double alpha, boolean reset)
    implements Request {

  /** Smallest accepted {@code window_size}. */
  public static final int MIN_WINDOW_SIZE = 10;

  @Override
  public RequestType type() {
    return RequestType.DRIFT;
  }
}
