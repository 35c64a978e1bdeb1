package io.anomalygateway.gateway;

import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.runtime.capacity.MemoryBudget;
import io.anomalygateway.protocol.wire.BatchRequest;
import io.anomalygateway.protocol.wire.Request;

/**
 * What a request costs the gateway's request budget: while it is read, its text (one byte per character: numbers
 * and JSON are Latin-1) and the doubles it can hold at most (every number takes at least two characters with its
 * separator, so at most {@code 4 × length} bytes of doubles); once read, until a batch is answered, its samples.
 */
final class RequestCost {

  /** How long a refused request should wait: requests in flight are answered within milliseconds. */
  private static final long RETRY_AFTER_MILLIS = 100;

  private RequestCost() {
  }

  /** @return the bytes reserved before a message is read: the text, and the doubles it may hold */
  static long ofText(String text) {
    return 5L * text.length() + 64;
  }

  /** @return the bytes a read request holds until it is answered: a batch's samples; others hold next to nothing */
  static long ofRequest(Request request) {
    return request instanceof BatchRequest batch ? 8L * batch.rows().values().length + 64 : 0;
  }

  /** @return the refusal of a message that does not fit the budget, naming which limit and the sizes */
  static ProtocolError refusal(MemoryBudget budget, MemoryBudget.Outcome outcome, long cost) {
    long limit = outcome == MemoryBudget.Outcome.TENANT_FULL ? budget.tenantLimit() : budget.limit();
    if (cost > limit) {
      return ProtocolError.capacityExceeded("This message needs " + cost + " bytes to be read, more than the "
          + limit + " bytes the server allows " + (limit == budget.limit() ? "all requests" : "one token")
          + "; send smaller batches. Nothing was processed.", 0);
    }
    String what = outcome == MemoryBudget.Outcome.TENANT_FULL
        ? "Your token's share of the server's request memory (" + budget.tenantLimit() + " bytes) is in use"
        : "The server's request memory (" + budget.limit() + " bytes) is in use";
    return ProtocolError.capacityExceeded(what + "; this message needs " + cost + " bytes to be read. "
        + "Nothing was processed.", RETRY_AFTER_MILLIS);
  }
}
