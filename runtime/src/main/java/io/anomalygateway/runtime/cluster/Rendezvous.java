package io.anomalygateway.runtime.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The live instances of one service, with rendezvous (highest-random-weight) hashing to pick a session's owner: the
 * instance whose hash combined with the session id's is highest. Every node that knows the same instances picks
 * the same owner without asking anyone, and when an instance comes or goes only the sessions it gains or loses move
 * (about 1/n of them), where a modulo would move nearly all. Immutable: a change builds a new one.
 */
public final class Rendezvous {

  /** No instance: every lookup answers {@code null}. */
  public static final Rendezvous EMPTY = new Rendezvous(List.of());

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final String[] instances;
  private final long[] hashes;

  /**
   * @param instances the live instance ids
   */
  public Rendezvous(Collection<String> instances) {
    this.instances = instances.stream().sorted().toArray(String[]::new);
    this.hashes = new long[this.instances.length];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash(this.instances[i]);
    }
  }

  /**
   * @param sessionId a session id
   * @return the id of the instance that owns it, or {@code null} when there is no instance
   */
  public String owner(String sessionId) {
    long session = hash(sessionId);
    int best = -1;
    long bestWeight = 0;
    for (int i = 0; i < hashes.length; i++) {
      long weight = mix(session ^ hashes[i]);
      // Instances are sorted, so a tie (never seen in practice) still resolves the same way everywhere.
      if (best < 0 || Long.compareUnsigned(weight, bestWeight) > 0) {
        best = i;
        bestWeight = weight;
      }
    }
    return best < 0 ? null : instances[best];
  }

  /** @return the instance ids, sorted */
  public List<String> instances() {
    return List.of(instances);
  }

  /** @return whether there is no instance */
  public boolean isEmpty() {
    return instances.length == 0;
  }

  /** FNV-1a over the UTF-8 bytes: the same on every JVM, which {@link String#hashCode()} does not promise. */
  static long hash(String text) {
    long hash = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return hash;
  }

  /** The SplitMix64 finaliser, so that ids differing in one character get unrelated weights. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
