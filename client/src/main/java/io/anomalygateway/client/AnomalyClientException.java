package io.anomalygateway.client;

/** The base of every failure an {@link AnomalyClient} reports, so that callers may catch them all at once. */
public class AnomalyClientException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, for a person
   */
  public AnomalyClientException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, for a person
   * @param cause the underlying failure
   */
  public AnomalyClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
