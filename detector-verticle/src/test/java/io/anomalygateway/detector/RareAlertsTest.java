package io.anomalygateway.detector;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rarity weighting of a forest's alerts, worked by hand: gap 100 samples, memory 1,000, weight 1. */
class RareAlertsTest {

  private final RareAlerts rarity = new RareAlerts(100, 1000, 1.0);

  @Test
  void aSampleWithoutAnAlertWeighsNothing() {
    assertThat(rarity.next(5, 0.0)).isZero();
  }

  @Test
  void aStreamsFirstAlertKeepsItsGrade() {
    assertThat(rarity.next(5000, 0.8)).isEqualTo(0.8);
  }

  @Test
  void aWeakerAlertWithinTheGapOfTheLastKeptIsDropped() {
    rarity.next(5000, 0.8);
    assertThat(rarity.next(5100, 0.8)).isZero();
    assertThat(rarity.next(5050, 0.5)).isZero();
  }

  @Test
  void aStrongerAlertWithinTheGapIsKeptAndWeighedByTheOneBefore() {
    rarity.next(5000, 0.5);
    // One earlier alert, 50 samples old: p = e^(-50/1000).
    assertThat(rarity.next(5050, 0.9)).isCloseTo(0.9 / (1 + Math.exp(-0.05)), within(1e-12));
  }

  @Test
  void eachEarlierAlertDividesANewOneByItsDecayedWeight() {
    rarity.next(1000, 1.0);
    rarity.next(2000, 1.0);
    // p = e^(-1) after the first; then (e^(-1) + 1) e^(-1) at 3000.
    double pressure = (Math.exp(-1) + 1) * Math.exp(-1);
    assertThat(rarity.next(3000, 1.0)).isCloseTo(1 / (1 + pressure), within(1e-12));
  }

  @Test
  void anAlertLongAfterTheLastKeepsNearlyItsWholeGrade() {
    rarity.next(1000, 1.0);
    assertThat(rarity.next(21_000, 0.6)).isCloseTo(0.6, within(1e-8));
  }

  @Test
  void aRestoredStateWeighsTheNextAlertAsTheOriginalDoes() {
    rarity.next(1000, 0.7);
    RareAlerts restored = new RareAlerts(100, 1000, 1.0);
    restored.restore(rarity.state());
    assertThat(restored.next(1050, 0.6)).isEqualTo(rarity.next(1050, 0.6)).isZero();
    assertThat(restored.next(1500, 0.9)).isEqualTo(rarity.next(1500, 0.9)).isPositive();
  }
}
