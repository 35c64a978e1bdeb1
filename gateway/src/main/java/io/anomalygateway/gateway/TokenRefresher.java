package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Admission;
import io.anomalygateway.gateway.security.Authenticator;
import io.anomalygateway.gateway.security.Principal;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.ResponseType;
import io.anomalygateway.protocol.wire.RefreshRequest;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * Swaps the token of an open connection ({@code refresh}): the new token must be valid, name the same subject and
 * still permit the connection's session; the connection then runs on its role, its session limits and its expiry.
 * A token for someone else, or one that does not cover the session, is refused and the old one stays.
 */
final class TokenRefresher {

  private final Authenticator authenticator;
  private final Admission admission;

  TokenRefresher(Authenticator authenticator, Admission admission) {
    this.authenticator = authenticator;
    this.admission = admission;
  }

  void refresh(Connection connection, RefreshRequest request) {
    if (!authenticator.enabled()) {
      answer(connection, request, connection.principal());
      return;
    }
    authenticator.authenticate(request.token()).onComplete(done -> {
      if (connection.isClosed()) {
        return;
      }
      if (done.failed()) {
        refuse(connection, request, "The new token is not valid.");
        return;
      }
      Principal current = connection.principal();
      Principal next = done.result();
      if (!next.subject().equals(current.subject())) {
        refuse(connection, request, "The new token must name the same subject as the connection's.");
      } else if (!next.mayOpen(connection.sessionId())) {
        refuse(connection, request, "The new token does not permit this session.");
      } else if (!swapAdmission(connection, current, next)) {
        refuse(connection, request, "The new token has too many open sessions.");
      } else {
        connection.renew(next);
        answer(connection, request, next);
      }
    });
  }

  /** Session limits count per token: the connection moves from the old token's count to the new one's. */
  private boolean swapAdmission(Connection connection, Principal current, Principal next) {
    if (next.tokenId() == null ? current.tokenId() == null : next.tokenId().equals(current.tokenId())) {
      return true;
    }
    admission.release(connection.address(), current.tokenId(), connection.sessionId());
    if (admission.admit(connection.address(), next.tokenId(), connection.sessionId(), System.nanoTime())
        == Admission.Refusal.NONE) {
      return true;
    }
    admission.admit(connection.address(), current.tokenId(), connection.sessionId(), System.nanoTime());
    return false;
  }

  private static void answer(Connection connection, RefreshRequest request, Principal principal) {
    JsonObject fields = new JsonObject().put("role", principal.role().claim())
        .put("expires_at", principal.expiresAt() == Long.MAX_VALUE ? null
            : Instant.ofEpochSecond(principal.expiresAt()).toString());
    connection.send(ResponseWriter.message(ResponseType.REFRESHED, request.requestId(), ServerClock.timestamp(),
        fields));
  }

  private static void refuse(Connection connection, RefreshRequest request, String why) {
    connection.sendError(request.requestId(),
        new ProtocolException(ErrorCode.FORBIDDEN, why).error());
  }
}
