package io.anomalygateway.gateway.security;

import io.anomalygateway.protocol.RequestType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The verified bearer of a token.
 *
 * @param subject the token's {@code sub}
 * @param role the highest role among the token's {@code roles}
 * @param sessions patterns of the sessions the token may open ({@code *} matches any run of characters), or
 *     {@code null} when the token names none (any session)
 * @param expiresAt the token's {@code exp}, in epoch seconds, or {@link Long#MAX_VALUE} without one
 * @param tokenId a stable id of the token, for the limits per token
 */
public record Principal(String subject, Role role, List<String> sessions, long expiresAt, String tokenId) {

  /** The bearer of every request when authentication is off (local experiments only). */
  public static final Principal UNAUTHENTICATED = new Principal("anonymous", Role.ADMIN, null, Long.MAX_VALUE,
      "anonymous");

  /**
   * @return whom memory budgets count this bearer's sessions and requests against: the token's subject (so that a
   *     refreshed token is the same tenant), or {@code null} when authentication is off and there are no tenants
   */
  public String tenant() {
    return UNAUTHENTICATED.equals(this) ? null : subject;
  }

  /**
   * @param sessionId a session
   * @return whether the token may open it
   */
  public boolean mayOpen(String sessionId) {
    if (sessions == null) {
      return true;
    }
    for (String pattern : sessions) {
      if (Pattern.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"), sessionId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param type a request type
   * @param allSessions whether the request concerns every session
   * @return whether the role permits it
   */
  public boolean may(RequestType type, boolean allSessions) {
    return role.allows(type) && (!allSessions || role.seesAllSessions());
  }

  /** @return the principal as JSON, to travel with a request the bridge verified */
  public JsonObject toJson() {
    return new JsonObject().put("sub", subject).put("role", role.claim())
        .put("sessions", sessions == null ? null : new JsonArray(sessions)).put("exp", expiresAt).put("jti", tokenId);
  }

  /**
   * @param json a principal as written by {@link #toJson()}
   * @return the principal
   */
  public static Principal fromJson(JsonObject json) {
    JsonArray sessions = json.getJsonArray("sessions");
    return new Principal(json.getString("sub"), Role.ofClaim(json.getString("role")),
        sessions == null ? null : sessions.stream().map(String::valueOf).toList(), json.getLong("exp"),
        json.getString("jti"));
  }

  /**
   * @param nowSeconds the current epoch second
   * @return whether the token has expired
   */
  public boolean expiredAt(long nowSeconds) {
    return nowSeconds >= expiresAt;
  }
}
