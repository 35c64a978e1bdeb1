package io.anomalygateway.gateway.security;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admission limits that span connections: connection attempts per IP address per minute, open connections per IP
 * address, and open sessions per token. Thread-safe, shared by the instances of one gateway.
 */
public final class Admission {

  /** Why a connection was not admitted. */
  public enum Refusal { NONE, TOO_MANY_ATTEMPTS, TOO_MANY_CONNECTIONS, TOO_MANY_SESSIONS }

  private static final long MINUTE = 60_000_000_000L;

  private final SecurityOptions options;
  private final Map<String, long[]> attempts = new ConcurrentHashMap<>();
  private final Map<String, Integer> open = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Integer>> sessions = new HashMap<>();

  /**
   * @param options the limits
   */
  public Admission(SecurityOptions options) {
    this.options = options;
  }

  /**
   * Counts an attempt from an address and, if within the limits, takes a connection slot for it and for the
   * token's session; {@link #release} gives them back.
   *
   * @param address the client's IP address
   * @param tokenId the token's id
   * @param sessionId the session to open
   * @param now the current {@link System#nanoTime()}
   * @return {@link Refusal#NONE} when admitted
   */
  public Refusal admit(String address, String tokenId, String sessionId, long now) {
    if (!attempt(address, now)) {
      return Refusal.TOO_MANY_ATTEMPTS;
    }
    if (open.merge(address, 1, Integer::sum) > options.getMaxConnectionsPerIp()) {
      open.merge(address, -1, Integer::sum);
      return Refusal.TOO_MANY_CONNECTIONS;
    }
    synchronized (sessions) {
      Map<String, Integer> byToken = sessions.computeIfAbsent(tokenId, t -> new HashMap<>());
      if (!byToken.containsKey(sessionId) && byToken.size() >= options.getMaxSessionsPerToken()) {
        open.merge(address, -1, Integer::sum);
        return Refusal.TOO_MANY_SESSIONS;
      }
      byToken.merge(sessionId, 1, Integer::sum);
    }
    return Refusal.NONE;
  }

  /**
   * Counts an attempt that takes no slot (a token check), within the same budget as connection attempts.
   *
   * @param address the client's IP address
   * @param now the current {@link System#nanoTime()}
   * @return whether the address is still within {@code connections_per_ip_per_minute}
   */
  public boolean attempt(String address, long now) {
    long[] window = attempts.computeIfAbsent(address, a -> new long[] {now, 0});
    synchronized (window) {
      if (now - window[0] > MINUTE) {
        window[0] = now;
        window[1] = 0;
      }
      return ++window[1] <= options.getConnectionsPerIpPerMinute();
    }
  }

  /** Gives back what {@link #admit} took, when the connection closes or its upgrade fails. */
  public void release(String address, String tokenId, String sessionId) {
    open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    synchronized (sessions) {
      Map<String, Integer> byToken = sessions.get(tokenId);
      if (byToken != null) {
        byToken.computeIfPresent(sessionId, (s, count) -> count <= 1 ? null : count - 1);
        if (byToken.isEmpty()) {
          sessions.remove(tokenId);
        }
      }
    }
  }

  /** Forgets the attempt counts of addresses quiet for a minute, so that the map stays bounded. */
  public void prune(long now) {
    attempts.entrySet().removeIf(entry -> {
      synchronized (entry.getValue()) {
        return now - entry.getValue()[0] > MINUTE;
      }
    });
  }
}
