package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Isolation Forest against the properties the paper states. */
class IsolationForestTest {

  private final IsolationForestTrainer trainer = new IsolationForestTrainer();

  @Test
  void averagePathLengthMatchesThePaper() {
    assertThat(IsolationForest.averagePathLength(0)).isZero();
    assertThat(IsolationForest.averagePathLength(1)).isZero();
    assertThat(IsolationForest.averagePathLength(2)).isEqualTo(1.0);
    // c(256) = 2 (ln 255 + 0.5772156649) - 2 * 255 / 256
    assertThat(IsolationForest.averagePathLength(256)).isCloseTo(10.244770920, within(1e-8));
  }

  @Test
  void scoresUniformDataNearOneHalf() {
    Random random = new Random(1);
    Samples data = rows(random, 2000, 4, () -> random.nextDouble());
    IsolationForest forest = trainer.fit(data, 7);
    double mean = 0;
    for (int i = 0; i < data.count(); i++) {
      mean += forest.score(data.values(), i * 4);
    }
    mean /= data.count();
    assertThat(mean).isBetween(0.40, 0.52);
  }

  @Test
  void scoresAnIsolatedPointAboveSevenTenthsInATightCluster() {
    Random random = new Random(2);
    Samples cluster = rows(random, 500, 3, () -> random.nextGaussian() * 0.1);
    double[] values = cluster.values().clone();
    values[0] = 5;
    values[1] = 5;
    values[2] = 5;
    Samples data = new Samples(3, values);
    IsolationForest forest = trainer.fit(data, 3);
    assertThat(forest.score(values, 0)).isGreaterThan(0.7);
    assertThat(forest.score(values, 30)).isLessThan(0.55);
  }

  @Test
  void isolatesAnOutlierOfAFeatureWithALargeOffsetAsWellAsWithout() {
    // Epoch milliseconds with a spread of seconds: a raw float cannot tell them apart (its step at 1.7e12 is 131 s).
    Random random = new Random(5);
    Samples centred = rows(random, 500, 2, () -> random.nextGaussian() * 1000);
    double[] shifted = centred.values().clone();
    for (int i = 0; i < shifted.length; i += 2) {
      shifted[i] += 1.7e12;
    }
    shifted[0] = 1.7e12 + 8000;
    double[] plain = centred.values().clone();
    plain[0] = 8000;
    IsolationForest onShifted = trainer.fit(new Samples(2, shifted), 9);
    IsolationForest onPlain = trainer.fit(new Samples(2, plain), 9);
    assertThat(onShifted.score(shifted, 0)).isGreaterThan(0.65).isCloseTo(onPlain.score(plain, 0), within(0.02));
    assertThat(onShifted.score(shifted, 20)).isCloseTo(onPlain.score(plain, 20), within(0.02));
  }

  @Test
  void sendsValuesBeyondTheTrainingRangeToTheOuterSides() {
    Random random = new Random(6);
    Samples data = rows(random, 500, 1, random::nextGaussian);
    IsolationForest forest = trainer.fit(data, 2);
    double edge = forest.score(new double[] {50}, 0);
    assertThat(forest.score(new double[] {1e300}, 0)).isEqualTo(edge);
    assertThat(forest.score(new double[] {-1e300}, 0)).isEqualTo(forest.score(new double[] {-50}, 0));
  }

  @Test
  void isDeterministicForASeed() {
    Random random = new Random(3);
    Samples data = rows(random, 700, 5, random::nextGaussian);
    IsolationForest first = trainer.fit(data, 42);
    IsolationForest second = trainer.fit(data, 42);
    IsolationForest other = trainer.fit(data, 43);
    double[] probe = {0.3, -1.2, 2.0, 0.1, 0.0};
    assertThat(second.score(probe, 0)).isEqualTo(first.score(probe, 0));
    assertThat(other.score(probe, 0)).isNotEqualTo(first.score(probe, 0));
  }

  @Test
  void growsTreesOnSubsamplesWithinTheHeightLimit() {
    Random random = new Random(4);
    IsolationForest forest = trainer.fit(rows(random, 5000, 2, random::nextGaussian), 1);
    assertThat(forest.trees()).isEqualTo(100);
    assertThat(forest.height()).isEqualTo(8);
  }

  @Test
  void handlesDuplicatedRowsAsLeaves() {
    double[] values = new double[300 * 2];
    java.util.Arrays.fill(values, 1.5);
    values[0] = 9;
    IsolationForest forest = trainer.fit(new Samples(2, values), 5);
    double duplicate = forest.score(values, 2);
    assertThat(forest.score(values, 4)).isEqualTo(duplicate);
    assertThat(forest.score(values, 0)).isGreaterThan(duplicate);
    assertThat(Double.isFinite(duplicate)).isTrue();
  }

  @Test
  void fitsOnFewerRowsThanTheSubsample() {
    Random random = new Random(5);
    IsolationForest forest = trainer.fit(rows(random, 20, 3, random::nextGaussian), 9);
    assertThat(forest.height()).isEqualTo(5);
    assertThat(forest.score(new double[] {0, 0, 0}, 0)).isBetween(0.0, 1.0);
  }

  static Samples rows(Random random, int count, int dims, java.util.function.DoubleSupplier value) {
    double[] values = new double[count * dims];
    for (int i = 0; i < values.length; i++) {
      values[i] = value.getAsDouble();
    }
    return new Samples(dims, values);
  }
}
