package io.anomalygateway.client;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

  @Test
  void delaysDoubleFromTheInitialOneUpToTheMaximum() {
    Backoff backoff = new Backoff(new ClientOptions().setInitialBackoff(100).setMaxBackoff(1_000).setJitter(0),
        new Random(1));
    assertThat(new long[] {backoff.delay(0), backoff.delay(1), backoff.delay(2), backoff.delay(3), backoff.delay(4),
        backoff.delay(100)}).containsExactly(100, 200, 400, 800, 1_000, 1_000);
  }

  @Test
  void jitterTakesARandomShareOffEachDelay() {
    Backoff backoff = new Backoff(new ClientOptions().setInitialBackoff(1_000).setMaxBackoff(1_000).setJitter(0.5),
        new Random(2));
    long smallest = Long.MAX_VALUE;
    long largest = 0;
    for (int i = 0; i < 1_000; i++) {
      long delay = backoff.delay(3);
      smallest = Math.min(smallest, delay);
      largest = Math.max(largest, delay);
    }
    assertThat(smallest).isBetween(500L, 550L);
    assertThat(largest).isBetween(950L, 1_000L);
  }
}
