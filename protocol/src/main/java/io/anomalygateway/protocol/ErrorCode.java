package io.anomalygateway.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Every error a client can receive, with the code sent on the wire and the failure code used on the event bus.
 *
 * <p>Wire codes and failure codes are explicit and stable: they never derive from declaration order, so adding a
 * constant never changes what existing clients see. Workers fail requests with {@code message.fail(failureCode, text)};
 * {@link ProtocolError#ofFailure(Throwable)} turns such failures back into protocol errors.
 */
public enum ErrorCode {
  /** The text frame is not valid JSON (or exceeds the parser's nesting or number-length limits). */
  INVALID_JSON("INVALID_JSON", 4001, "The message is not valid JSON."),
  /** The JSON value is not an object. */
  INVALID_MESSAGE("INVALID_MESSAGE", 4002, "The message must be a JSON object."),
  /** The message has no {@code type} field. */
  MISSING_TYPE("MISSING_TYPE", 4003, "The message has no 'type' field."),
  /** The {@code type} is not a message type of this protocol. */
  UNKNOWN_TYPE("UNKNOWN_TYPE", 4004, "Unknown message type."),
  /** The {@code type} belongs to the protocol but this server does not offer it. */
  UNSUPPORTED_TYPE("UNSUPPORTED_TYPE", 4005, "This message type is not supported by this server."),
  /** A field has the wrong JSON type or an out-of-range value (the message names the field). */
  INVALID_FIELD("INVALID_FIELD", 4006, "A field has an invalid value."),
  /** {@code data} or {@code batch_data} is missing or holds something other than finite numbers. */
  INVALID_DATA("INVALID_DATA", 4007, "'data' must be a non-empty array of finite numbers."),
  /** The sample's dimension differs from the one the session established with its first sample. */
  DIMENSION_MISMATCH("DIMENSION_MISMATCH", 4008, "The sample's dimension differs from the session's."),
  /** A batch without rows. */
  EMPTY_BATCH("EMPTY_BATCH", 4009, "'batch_data' must contain at least one row."),
  /** A batch whose rows do not all have the same length. */
  RAGGED_BATCH("RAGGED_BATCH", 4010, "All rows of 'batch_data' must have the same length."),
  /** A batch with more rows than {@code max_batch_size}. */
  BATCH_TOO_LARGE("BATCH_TOO_LARGE", 4011, "The batch has too many rows."),
  /** A sample with more values than {@code max_dimensions}. */
  TOO_MANY_DIMENSIONS("TOO_MANY_DIMENSIONS", 4012, "The sample has too many values."),
  /** An {@code algorithm} this server does not know. */
  UNKNOWN_ALGORITHM("UNKNOWN_ALGORITHM", 4013, "Unknown algorithm."),
  /** A {@code config} message with an unknown key or an invalid value. */
  INVALID_CONFIG("INVALID_CONFIG", 4014, "Invalid configuration."),
  /** A binary frame: the protocol is JSON in text frames. */
  BINARY_NOT_SUPPORTED("BINARY_NOT_SUPPORTED", 4015, "Binary frames are not supported: send JSON in text frames."),
  /** A message larger than {@code max_message_size}; the connection is closed with status 1009. */
  MESSAGE_TOO_LARGE("MESSAGE_TOO_LARGE", 4016, "The message is larger than the server accepts."),
  /** The server holds {@code max_sessions} sessions and cannot open another. */
  TOO_MANY_SESSIONS("TOO_MANY_SESSIONS", 4017, "The server holds too many sessions; try again later."),
  /**
   * A memory budget (the node's, or the token's share of it) or the token's rate of new sessions would be exceeded;
   * the message names which, and {@code error.retry_after_ms} says when waiting helps. Nothing was allocated.
   */
  CAPACITY_EXCEEDED("CAPACITY_EXCEEDED", 4291, "The server cannot take this request within its memory budget."),
  /** The token's role does not permit the request. */
  FORBIDDEN("FORBIDDEN", 4030, "Your token does not permit this request."),
  /** Over the connection's rate limit; {@code error.retry_after_ms} says when to try again. */
  RATE_LIMITED("RATE_LIMITED", 4290, "Too many requests; slow down."),
  /** No drift monitor could be reached for this request. */
  DRIFT_UNAVAILABLE("DRIFT_UNAVAILABLE", 5032, "Drift monitoring is not available right now."),
  /** No detector could be reached for this request; it was not scored. */
  DETECTOR_UNAVAILABLE("DETECTOR_UNAVAILABLE", 5031, "No detector is available; the request was not processed."),
  /** The gateway is draining before it stops; the request was not processed: reconnect (to another gateway). */
  SHUTTING_DOWN("SHUTTING_DOWN", 5033, "The server is shutting down; the request was not processed."),
  /** The request was not answered within the request timeout. */
  TIMEOUT("TIMEOUT", 5041, "The request was not answered in time."),
  /** An unexpected server-side failure; details are in the server log, never in the response. */
  INTERNAL_ERROR("INTERNAL_ERROR", 5000, "The server could not process the request.");

  private static final Map<Integer, ErrorCode> BY_FAILURE_CODE = new HashMap<>();

  static {
    for (ErrorCode code : values()) {
      if (BY_FAILURE_CODE.put(code.failureCode, code) != null) {
        throw new ExceptionInInitializerError("duplicate failure code " + code.failureCode);
      }
    }
  }

  private final String code;
  private final int failureCode;
  private final String genericMessage;

  ErrorCode(String code, int failureCode, String genericMessage) {
    this.code = code;
    this.failureCode = failureCode;
    this.genericMessage = genericMessage;
  }

  /** @return the code sent to clients in {@code error.code} */
  public String code() {
    return code;
  }

  /** @return the code workers pass to {@code message.fail} for this error */
  public int failureCode() {
    return failureCode;
  }

  /** @return a message that is always safe to send, used when no more specific one is known */
  public String genericMessage() {
    return genericMessage;
  }

  /** @return true when the client caused the error (as opposed to the server or its dependencies) */
  public boolean isClientError() {
    return failureCode < 5000;
  }

  /**
   * @param failureCode a code a worker passed to {@code message.fail}
   * @return the matching error code, or {@link #INTERNAL_ERROR} for a code this protocol does not define
   */
  public static ErrorCode ofFailureCode(int failureCode) {
    return BY_FAILURE_CODE.getOrDefault(failureCode, INTERNAL_ERROR);
  }

  /**
   * @param code a code as clients see it in {@code error.code}
   * @return the matching error code, or {@link #INTERNAL_ERROR} for a code this protocol does not define
   */
  public static ErrorCode ofCode(String code) {
    for (ErrorCode known : values()) {
      if (known.code.equals(code)) {
        return known;
      }
    }
    return INTERNAL_ERROR;
  }
}
