package io.anomalygateway.client;

/**
 * The client gave up: it was closed, or the connection was lost and every reconnect attempt failed. Requests still
 * pending fail with it; none of them is left without an outcome.
 */
public final class ConnectionLostException extends AnomalyClientException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message why the client gave up
   */
  public ConnectionLostException(String message) {
    super(message);
  }
}
