package io.anomalygateway.gateway.security;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admission limits that span connections: connection attempts per IP address per minute, open connections per IP
 * address, open sessions per token, and sessions a token opens per minute (so that churning through new sessions
 * cannot fill the detectors with abandoned state faster than they evict it). Thread-safe, shared by the instances
 * of one gateway.
 */
public final class Admission {

  /** Why a connection was not admitted. */
  public enum Refusal { NONE, TOO_MANY_ATTEMPTS, TOO_MANY_CONNECTIONS, TOO_MANY_SESSIONS, TOO_MANY_NEW_SESSIONS }

  private static final long MINUTE = 60_000_000_000L;

  private final SecurityOptions options;
  private final int newSessionsPerMinute;
  private final Map<String, long[]> attempts = new ConcurrentHashMap<>();
  private final Map<String, long[]> newSessions = new ConcurrentHashMap<>();
  private final Map<String, Integer> open = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Integer>> sessions = new HashMap<>();

  /**
   * @param options the limits
   * @param newSessionsPerMinute sessions one token may open per minute ({@code capacity.new_sessions_per_minute})
   */
  public Admission(SecurityOptions options, int newSessionsPerMinute) {
    this.options = options;
    this.newSessionsPerMinute = newSessionsPerMinute;
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
    if (open.merge(address, 1, Integer::sum) > options.maxConnectionsPerIp()) {
      open.merge(address, -1, Integer::sum);
      return Refusal.TOO_MANY_CONNECTIONS;
    }
    synchronized (sessions) {
      Map<String, Integer> byToken = sessions.computeIfAbsent(tokenId, t -> new HashMap<>());
      if (!byToken.containsKey(sessionId) && byToken.size() >= options.maxSessionsPerToken()) {
        open.merge(address, -1, Integer::sum);
        return Refusal.TOO_MANY_SESSIONS;
      }
      if (!byToken.containsKey(sessionId) && !within(newSessions, tokenId, newSessionsPerMinute, now)) {
        open.merge(address, -1, Integer::sum);
        return Refusal.TOO_MANY_NEW_SESSIONS;
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
    return within(attempts, address, options.connectionsPerIpPerMinute(), now);
  }

  /** Counts one more event of a key in its current minute; whether it stays within {@code limit}. */
  private static boolean within(Map<String, long[]> windows, String key, int limit, long now) {
    long[] window = windows.computeIfAbsent(key, a -> new long[] {now, 0});
    synchronized (window) {
      if (now - window[0] > MINUTE) {
        window[0] = now;
        window[1] = 0;
      }
      return ++window[1] <= limit;
    }
  }

  /**
   * @param tokenId a token refused with {@link Refusal#TOO_MANY_NEW_SESSIONS}
   * @param now the current {@link System#nanoTime()}
   * @return seconds until its minute is over, at least 1
   */
  public long secondsUntilNewSessions(String tokenId, long now) {
    long[] window = newSessions.get(tokenId);
    if (window == null) {
      return 1;
    }
    synchronized (window) {
      return Math.max(1, (window[0] + MINUTE - now + 999_999_999L) / 1_000_000_000L);
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
    prune(attempts, now);
    prune(newSessions, now);
  }

  private static void prune(Map<String, long[]> windows, long now) {
    windows.entrySet().removeIf(entry -> {
      synchronized (entry.getValue()) {
        return now - entry.getValue()[0] > MINUTE;
      }
    });
  }
}
