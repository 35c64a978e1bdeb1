package io.anomalygateway.client;

import io.anomalygateway.protocol.WireNamed;
import io.anomalygateway.protocol.WireNames;

/** What a request does when the client's queue of requests waiting for a connection is full. */
public enum OverflowPolicy implements WireNamed {

  /** The new request fails at once with a {@link QueueFullException}; nothing queued is lost. */
  REJECT,
  /** The oldest queued request fails with a {@link QueueFullException} and the new one takes its place. */
  DROP_OLDEST;

  /**
   * @param name {@code reject} or {@code drop_oldest}
   * @return the policy
   * @throws IllegalArgumentException for another name
   */
  public static OverflowPolicy of(String name) {
    return WireNames.find(OverflowPolicy.class, name).orElseThrow(() ->
        new IllegalArgumentException("overflow_policy must be reject or drop_oldest, got " + name));
  }
}
