package io.anomalygateway.runtime.worker;

import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a worker's failure becomes a protocol error on the bus. A {@link ProtocolException} is a client's
 * mistake or a refusal the worker chose: its code and text travel as they are. Anything else is a defect: it is
 * logged here with its stack, and the caller sees only {@link ErrorCode#INTERNAL_ERROR} with a generic text, so
 * that nothing of the server's internals leaks. The gateway turns the failure code back into the error
 * ({@code ProtocolError.ofFailure}).
 */
public final class WorkerFailures {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerFailures.class);

  private WorkerFailures() {
  }

  /**
   * @param message the message to answer
   * @param failure what went wrong
   * @param service the failing service, for the log
   * @return the code the message failed with
   */
  public static ErrorCode fail(Message<?> message, Throwable failure, Service service) {
    if (failure instanceof ProtocolException protocol) {
      message.fail(protocol.error().code().failureCode(), protocol.error().failureText());
      return protocol.error().code();
    }
    LOG.error("{} request to {} failed", service.displayName(), message.address(), failure);
    message.fail(ErrorCode.INTERNAL_ERROR.failureCode(), ErrorCode.INTERNAL_ERROR.genericMessage());
    return ErrorCode.INTERNAL_ERROR;
  }
}
