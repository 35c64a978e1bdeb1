package io.anomalygateway.client;

import java.util.Locale;

/** What a request does when the client's queue of requests waiting for a connection is full. */
public enum OverflowPolicy {

  /** The new request fails at once with a {@link QueueFullException}; nothing queued is lost. */
  REJECT,
  /** The oldest queued request fails with a {@link QueueFullException} and the new one takes its place. */
  DROP_OLDEST;

  /** @return the name in configuration, {@code reject} or {@code drop_oldest} */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param name {@code reject} or {@code drop_oldest}
   * @return the policy
   * @throws IllegalArgumentException for another name
   */
  public static OverflowPolicy of(String name) {
    for (OverflowPolicy policy : values()) {
      if (policy.wireName().equals(name)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("overflow_policy must be reject or drop_oldest, got " + name);
  }
}
