package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A refit that renews a share of an Isolation Forest's trees keeps the others exactly and is a fit at share 1. */
class IncrementalRefitTest {

  private final IsolationForestTrainer trainer = new IsolationForestTrainer();

  @Test
  void renewingEveryTreeGivesTheForestOfAFreshFit() {
    IsolationForest earlier = trainer.fit(gaussian(1, 1000, 0), 42);
    Samples now = gaussian(2, 1000, 0.5);
    IsolationForest fresh = trainer.fit(now, 42);
    IsolationForest refitted = trainer.refit(earlier, now, 1000, 42, 1.0);
    Samples probe = gaussian(3, 300, 0.25);
    for (int i = 0; i < probe.count(); i++) {
      assertThat(refitted.score(probe.values(), i * 8)).isEqualTo(fresh.score(probe.values(), i * 8));
    }
  }

  @Test
  void keptTreesSplitTheSameRowsTheSameWayInTheNewRanges() {
    IsolationForest earlier = trainer.fit(gaussian(1, 1000, 0), 42);
    Samples now = gaussian(2, 1000, 3.0);
    TreeBuilder builder = new TreeBuilder(now, earlier.height(), earlier.trees());
    for (int t = 0; t < earlier.trees(); t++) {
      builder.keep(t, earlier);
    }
    IsolationForest kept = builder.toForest(earlier.subsample(), 0);
    Samples probe = gaussian(3, 500, 1.5);
    for (int i = 0; i < probe.count(); i++) {
      assertThat(kept.score(probe.values(), i * 8)).isCloseTo(earlier.score(probe.values(), i * 8), within(1e-9));
    }
  }

  @Test
  void theThresholdFromUpdatedPathSumsIsTheThresholdOfEveryRowScoredAgain() {
    Samples stream = gaussian(4, 1300, 0);
    IsolationForest forest = trainer.fit(window(stream, 0, 1000), 42);
    for (int start = 100; start <= 300; start += 100) {
      Samples buffer = window(stream, start, 1000);
      forest = trainer.refit(forest, buffer, start, 42, 0.1);
      double[] kept = forest.trainingScores(buffer);
      double[] rescored = new double[buffer.count()];
      for (int i = 0; i < rescored.length; i++) {
        rescored[i] = forest.score(buffer.values(), i * 8);
        assertThat(kept[i]).isCloseTo(rescored[i], within(1e-12));
      }
      assertThat(DecisionThreshold.of(forest, buffer, 0.05))
          .isCloseTo(DecisionThreshold.of(rescored, 0.05), within(1e-12));
    }
  }

  @Test
  void eachRefitRenewsTheOldestTreesInTurn() {
    Samples data = gaussian(1, 1000, 0);
    IsolationForest forest = trainer.fit(data, 42);
    assertThat(forest.nextReplaced()).isZero();
    forest = trainer.refit(forest, gaussian(2, 1000, 0), 1000, 42, 0.1);
    assertThat(forest.nextReplaced()).isEqualTo(10);
    for (int i = 0; i < 9; i++) {
      forest = trainer.refit(forest, gaussian(3 + i, 1000, 0), 2000 + 1000L * i, 42, 0.1);
    }
    assertThat(forest.nextReplaced()).isZero();
  }

  @Test
  void aRefitFollowsAShiftedStreamWithinTenRefits() {
    IsolationForest forest = trainer.fit(gaussian(1, 1000, 0), 42);
    Samples shifted = gaussian(2, 1000, 5.0);
    double[] centre = {5, 5, 5, 5, 5, 5, 5, 5};
    double before = forest.score(centre, 0);
    for (int i = 0; i < 10; i++) {
      forest = trainer.refit(forest, shifted, 1000, 42, 0.1);
    }
    assertThat(before).isGreaterThan(0.7);
    assertThat(forest.score(centre, 0)).isLessThan(0.45);
  }

  @Test
  void aForestOfAnotherDimensionIsFittedAfresh() {
    IsolationForest earlier = trainer.fit(new Samples(2, new Random(1).doubles(2000).toArray()), 42);
    Samples now = gaussian(2, 1000, 0);
    IsolationForest refitted = trainer.refit(earlier, now, 1000, 42, 0.1);
    assertThat(refitted.score(now.values(), 0)).isEqualTo(trainer.fit(now, 42).score(now.values(), 0));
  }

  private static Samples window(Samples stream, int first, int count) {
    return new Samples(8, java.util.Arrays.copyOfRange(stream.values(), first * 8, (first + count) * 8));
  }

  /** Rows of 8 standard normal features around {@code shift}. */
  private static Samples gaussian(long seed, int rows, double shift) {
    Random random = new Random(seed);
    double[] values = new double[rows * 8];
    for (int i = 0; i < values.length; i++) {
      values[i] = shift + random.nextGaussian();
    }
    return new Samples(8, values);
  }
}
