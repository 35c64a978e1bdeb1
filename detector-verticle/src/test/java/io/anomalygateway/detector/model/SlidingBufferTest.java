package io.anomalygateway.detector.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingBufferTest {

  @Test
  void keepsTheMostRecentRowsOldestFirst() {
    SlidingBuffer buffer = new SlidingBuffer(3, 2);
    for (int i = 1; i <= 5; i++) {
      buffer.add(new double[] {i, -i}, 0);
    }
    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.snapshot().values()).containsExactly(3, -3, 4, -4, 5, -5);
  }

  @Test
  void shrinkingKeepsTheNewestRowsAndGrowingKeepsThemAll() {
    SlidingBuffer buffer = new SlidingBuffer(4, 1);
    for (int i = 1; i <= 6; i++) {
      buffer.add(new double[] {i}, 0);
    }
    buffer.resize(2);
    assertThat(buffer.snapshot().values()).containsExactly(5, 6);
    buffer.resize(5);
    buffer.add(new double[] {7}, 0);
    assertThat(buffer.snapshot().values()).containsExactly(5, 6, 7);
    assertThat(buffer.capacity()).isEqualTo(5);
  }

  @Test
  void readsRowsFromAnOffsetInAFlatArray() {
    SlidingBuffer buffer = new SlidingBuffer(10, 2);
    buffer.add(new double[] {1, 2, 3, 4}, 2);
    assertThat(buffer.snapshot().values()).containsExactly(3, 4);
  }
}
