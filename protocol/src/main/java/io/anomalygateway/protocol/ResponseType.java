package io.anomalygateway.protocol;

/** The message types the server sends, by their wire name. */
public enum ResponseType {
  /** Sent once when a connection opens. */
  WELCOME("welcome"),
  /** The verdict on one sample. */
  RESULT("result"),
  /** The verdicts on a batch, one entry per row, in order. */
  BATCH_RESULT("batch_result"),
  /** Session and connection statistics. */
  STATS("stats"),
  /** The answer to a ping. */
  PONG("pong"),
  /** The effective settings after a {@code config} request. */
  CONFIG_ACK("config_ack"),
  /** The answer to a {@code drift} request: per-feature evidence of drift. */
  DRIFT_RESULT("drift_result"),
  /** The answer to a {@code subscribe}. */
  SUBSCRIBED("subscribed"),
  /** The answer to an {@code unsubscribe}. */
  UNSUBSCRIBED("unsubscribed"),
  /** A failed request; carries {@code error.code} and {@code error.message}. */
  /** The answer to {@link RequestType#REFRESH}: the connection now runs on the new token. */
  REFRESHED("refreshed"),
  ERROR("error");

  private final String wireName;

  ResponseType(String wireName) {
    this.wireName = wireName;
  }

  /** @return the value of the {@code type} field */
  public String wireName() {
    return wireName;
  }
}
