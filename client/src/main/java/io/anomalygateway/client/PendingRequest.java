package io.anomalygateway.client;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A request from the call until its outcome: its message (sent again, unchanged, after a reconnect), how to read its
 * answer, and the future the caller holds. The future is completed once, by whichever comes first: the answer, the
 * timeout, the overflow policy or the client giving up.
 *
 * @param <T> the type of the answer
 */
final class PendingRequest<T> {

  private final String requestId;
  private final JsonObject message;
  private final Function<JsonObject, T> reader;
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private final long startedAt = System.nanoTime();
  private long timer = -1;

  PendingRequest(String requestId, JsonObject message, Function<JsonObject, T> reader) {
    this.requestId = requestId;
    this.message = message.put("request_id", requestId);
    this.reader = reader;
  }

  String requestId() {
    return requestId;
  }

  /** @return the message's text, the same at every send */
  String text() {
    return message.encode();
  }

  CompletableFuture<T> future() {
    return future;
  }

  long startedAt() {
    return startedAt;
  }

  void timer(long timer) {
    this.timer = timer;
  }

  long timer() {
    return timer;
  }

  /** Completes the future with the answer: its value, or a {@link ProtocolErrorException} for an {@code error}. */
  void answer(JsonObject answer) {
    if ("error".equals(answer.getString("type"))) {
      JsonObject error = answer.getJsonObject("error", new JsonObject());
      future.completeExceptionally(new ProtocolErrorException(error.getString("code", "UNKNOWN"),
          error.getString("message", ""), requestId));
      return;
    }
    try {
      future.complete(reader.apply(answer));
    } catch (RuntimeException e) {
      future.completeExceptionally(new AnomalyClientException("Unreadable answer to " + requestId, e));
    }
  }

  void fail(Throwable failure) {
    future.completeExceptionally(failure);
  }
}
