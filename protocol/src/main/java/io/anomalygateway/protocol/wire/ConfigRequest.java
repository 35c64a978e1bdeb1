package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.RequestType;

/**
 * A {@code config} request: changes settings, or only reads them when the update is empty.
 *
 * @param requestId the client's request id, or {@code null}
 * @param update the settings to change
 */
public record ConfigRequest(String requestId, ConfigUpdate update) implements Request {

  @Override
  public RequestType type() {
    return RequestType.CONFIG;
  }
}
