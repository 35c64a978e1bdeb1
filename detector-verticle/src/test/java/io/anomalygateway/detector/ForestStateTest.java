package io.anomalygateway.detector;

import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A forest's state as bytes, in the current format and the first. */
class ForestStateTest {

  private final ThresholdedRandomCutForest forest = ThresholdedRandomCutForest.builder().dimensions(2)
      .numberOfTrees(5).sampleSize(16).randomSeed(7).build();

  @Test
  void keepsTheThresholdAndTheRarityState() throws Exception {
    ForestState read = ForestState.read(ForestState.write(forest, 1.5, new double[] {120, 0.75, 2.5}));
    assertThat(read.threshold()).isEqualTo(1.5);
    assertThat(read.rarity()).containsExactly(120, 0.75, 2.5);
    assertThat(read.forest().getForest().getNumberOfTrees()).isEqualTo(5);
  }

  @Test
  void readsTheFirstFormatWhoseJsonFollowsTheThresholdWithAFreshRarityState() throws Exception {
    byte[] current = ForestState.write(forest, 1.5, new double[] {120, 0.75, 2.5});
    byte[] first = new byte[current.length - 25];
    System.arraycopy(current, 0, first, 0, 8);
    System.arraycopy(current, 33, first, 8, current.length - 33);
    ForestState read = ForestState.read(first);
    assertThat(read.threshold()).isEqualTo(1.5);
    assertThat(read.rarity()[1]).isZero();
    assertThat(read.rarity()[2]).isZero();
  }

  @Test
  void refusesTruncatedBytes() {
    assertThatThrownBy(() -> ForestState.read(new byte[4])).isInstanceOf(java.io.IOException.class);
    byte[] current = written();
    assertThatThrownBy(() -> ForestState.read(Arrays.copyOf(current, 20))).isInstanceOf(java.io.IOException.class);
  }

  private byte[] written() {
    try {
      return ForestState.write(forest, 1.5, new double[] {1, 2, 3});
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
