package io.anomalygateway.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

  private static final long MS = 1_000_000L;

  @Test
  void sendsFreelyUntilARefusal() {
    assertThat(new Pacer().delay(0)).isZero();
  }

  @Test
  void afterARefusalSendsOnePerRetryDelay() {
    Pacer pacer = new Pacer();
    pacer.refused(1_000 * MS, 20 * MS);
    assertThat(pacer.delay(1_000 * MS)).isEqualTo(20 * MS);
    pacer.sent(1_020 * MS);
    assertThat(pacer.delay(1_020 * MS)).isEqualTo(20 * MS);
  }

  @Test
  void aCalmSecondEndsThePacing() {
    Pacer pacer = new Pacer();
    pacer.refused(1_000 * MS, 20 * MS);
    pacer.sent(2_500 * MS);
    assertThat(pacer.delay(2_500 * MS)).isZero();
  }
}
