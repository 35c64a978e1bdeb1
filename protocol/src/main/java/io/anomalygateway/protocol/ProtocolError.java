package io.anomalygateway.protocol;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.util.Objects;

/**
 * An error as a client sees it: a stable code and a message a person can act on.
 *
 * <p>Messages never contain stack traces, class names or event-bus addresses: {@link #ofFailure(Throwable)} keeps the
 * worker's own text only for errors the client caused, and replaces everything else with the code's generic text.
 *
 * @param code what went wrong
 * @param message what the client can do about it
 * @param retryAfterMillis when the request would pass ({@link ErrorCode#RATE_LIMITED}, and where waiting helps
 *     {@link ErrorCode#CAPACITY_EXCEEDED} and {@link ErrorCode#DETECTOR_UNAVAILABLE}); otherwise 0
 */
public record ProtocolError(ErrorCode code, String message, long retryAfterMillis) {

  private static final String RETRY_PREFIX = "retry_after_ms=";

  /** Validates the components. */
  public ProtocolError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * @param code what went wrong
   * @param message what the client can do about it
   */
  public ProtocolError(ErrorCode code, String message) {
    this(code, message, 0);
  }

  /**
   * @param retryAfterMillis milliseconds after which the request would pass
   * @return a {@link ErrorCode#RATE_LIMITED} error
   */
  public static ProtocolError rateLimited(long retryAfterMillis) {
    return new ProtocolError(ErrorCode.RATE_LIMITED, "Too many requests; retry after " + retryAfterMillis + " ms.",
        retryAfterMillis);
  }

  /**
   * @param what the budget that would be exceeded, and by what, in words a client can act on
   * @param retryAfterMillis when trying again may pass, or 0 when waiting does not help
   * @return a {@link ErrorCode#CAPACITY_EXCEEDED} error
   */
  public static ProtocolError capacityExceeded(String what, long retryAfterMillis) {
    return new ProtocolError(ErrorCode.CAPACITY_EXCEEDED, what, retryAfterMillis);
  }

  /**
   * The text a worker fails an event-bus message with ({@code message.fail(code.failureCode(), failureText())}):
   * the message, preceded by the retry delay when there is one, so that {@link #ofFailure} restores both.
   *
   * @return the failure text
   */
  public String failureText() {
    return retryAfterMillis > 0 ? RETRY_PREFIX + retryAfterMillis + ';' + message : message;
  }

  /**
   * Maps any failure of an event-bus request to the error the client must see. This is the one place where worker
   * failures become protocol errors.
   *
   * @param failure the cause of a failed event-bus request, or any other exception
   * @return the protocol error to send
   */
  public static ProtocolError ofFailure(Throwable failure) {
    return ofFailure(failure, ErrorCode.DETECTOR_UNAVAILABLE);
  }

  /**
   * Maps any failure of an event-bus request to the error the client must see.
   *
   * @param failure the cause of a failed event-bus request, or any other exception
   * @param unreachable the error to report when no consumer of the address is registered
   * @return the protocol error to send
   */
  public static ProtocolError ofFailure(Throwable failure, ErrorCode unreachable) {
    if (failure instanceof ProtocolException) {
      return ((ProtocolException) failure).error();
    }
    if (failure instanceof ReplyException) {
      ReplyException reply = (ReplyException) failure;
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return generic(unreachable);
      }
      if (reply.failureType() == ReplyFailure.TIMEOUT) {
        return generic(ErrorCode.TIMEOUT);
      }
      ErrorCode code = ErrorCode.ofFailureCode(reply.failureCode());
      if (code.isClientError() && reply.getMessage() != null) {
        return fromFailureText(code, reply.getMessage());
      }
      return generic(code);
    }
    return generic(ErrorCode.INTERNAL_ERROR);
  }

  private static ProtocolError fromFailureText(ErrorCode code, String text) {
    if (text.startsWith(RETRY_PREFIX)) {
      int end = text.indexOf(';');
      try {
        return new ProtocolError(code, text.substring(end + 1),
            Long.parseLong(text.substring(RETRY_PREFIX.length(), end)));
      } catch (RuntimeException e) {
        return generic(code);
      }
    }
    return new ProtocolError(code, text);
  }

  /**
   * @param code the error code
   * @return the error with the code's generic, always-safe message
   */
  public static ProtocolError generic(ErrorCode code) {
    return new ProtocolError(code, code.genericMessage());
  }
}
