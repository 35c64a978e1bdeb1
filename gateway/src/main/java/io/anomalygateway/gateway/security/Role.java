package io.anomalygateway.gateway.security;

import io.anomalygateway.protocol.RequestType;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a token's bearer may do. Each role includes the ones below it: a viewer watches its sessions, a producer also
 * streams into them and configures them, an admin also watches every session.
 */
public enum Role {
  /** Subscribes to its sessions' topics; reads statistics. */
  VIEWER(EnumSet.of(RequestType.SUBSCRIBE, RequestType.UNSUBSCRIBE, RequestType.STATS, RequestType.PING,
      RequestType.REFRESH)),
  /** A viewer that also sends samples and batches, asks for drift, and changes its sessions' settings. */
  PRODUCER(EnumSet.of(RequestType.SUBSCRIBE, RequestType.UNSUBSCRIBE, RequestType.STATS, RequestType.PING,
      RequestType.REFRESH, RequestType.SAMPLE, RequestType.BATCH, RequestType.DRIFT, RequestType.CONFIG)),
  /** A producer that may also subscribe to every session's events ({@code scope:"all"}). */
  ADMIN(EnumSet.allOf(RequestType.class));

  private final Set<RequestType> requests;

  Role(Set<RequestType> requests) {
    this.requests = requests;
  }

  /** @return the name used in tokens' {@code roles} claim */
  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param type a request type
   * @return whether the role may send it
   */
  public boolean allows(RequestType type) {
    return requests.contains(type);
  }

  /** @return whether the role may watch every session's events */
  public boolean seesAllSessions() {
    return this == ADMIN;
  }

  /**
   * @param claim a value of the {@code roles} claim
   * @return the role, or {@code null} for a value that is not a role
   */
  public static Role ofClaim(String claim) {
    for (Role role : values()) {
      if (role.claim().equals(claim)) {
        return role;
      }
    }
    return null;
  }
}
