package io.anomalygateway.client;

/** A request got no answer within {@link ClientOptions#getRequestTimeout()}, queueing and resends included. */
public final class RequestTimeoutException extends AnomalyClientException {

  private static final long serialVersionUID = 1L;

  /**
   * @param requestId the request that timed out
   * @param millis the timeout
   */
  public RequestTimeoutException(String requestId, long millis) {
    super("Request " + requestId + " got no answer within " + millis + " ms");
  }
}
