package io.anomalygateway.protocol;

/** The message types the server sends, by their wire name. */
public enum ResponseType implements WireNamed {
  /** Sent once when a connection opens. */
  WELCOME,
  /** The verdict on one sample. */
  RESULT,
  /** The verdicts on a batch, one entry per row, in order. */
  BATCH_RESULT,
  /** Session and connection statistics. */
  STATS,
  /** The answer to a ping. */
  PONG,
  /** The effective settings after a {@code config} request. */
  CONFIG_ACK,
  /** The answer to a {@code drift} request: per-feature evidence of drift. */
  DRIFT_RESULT,
  /** The answer to a {@code subscribe}. */
  SUBSCRIBED,
  /** The answer to an {@code unsubscribe}. */
  UNSUBSCRIBED,
  /** The answer to {@link RequestType#REFRESH}: the connection now runs on the new token. */
  REFRESHED,
  /** A failed request; carries {@code error.code} and {@code error.message}. */
  ERROR
}
