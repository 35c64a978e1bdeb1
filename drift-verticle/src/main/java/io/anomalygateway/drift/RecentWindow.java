package io.anomalygateway.drift;

import java.util.Arrays;

/**
 * The most recent rows of a stream in a ring of doubles, read back column by column for the per-feature tests. The
 * ring grows with the rows held (doubling, up to {@code capacity}), so a session with few samples holds little.
 */
final class RecentWindow {

  private static final int FIRST_ROWS = 16;

  private final int dims;
  private final int capacity;
  private double[] ring = new double[0];
  private int head;
  private int size;

  RecentWindow(int capacity, int dims) {
    this.dims = dims;
    this.capacity = capacity;
  }

  /** @return the rows a ring holding {@code rows} of at most {@code capacity} has room for */
  static long allocatedRows(long rows, int capacity) {
    if (rows <= 0) {
      return 0;
    }
    return Math.min(capacity, Math.max(rows, Math.max(FIRST_ROWS, Long.highestOneBit(rows - 1) << 1)));
  }

  void add(double[] values, int offset) {
    if (size < capacity && (size + 1) * dims > ring.length) {
      // Until the window is full, rows sit at the start in order, so growing is one copy.
      ring = Arrays.copyOf(ring, (int) allocatedRows(size + 1L, capacity) * dims);
      head = size;
    }
    System.arraycopy(values, offset, ring, head * dims, dims);
    head = (head + 1) % (ring.length / dims);
    size = Math.min(size + 1, capacity);
  }

  int size() {
    return size;
  }

  void clear() {
    head = 0;
    size = 0;
  }

  /** @return the bytes of the ring now */
  long bytes() {
    return 8L * ring.length;
  }

  /**
   * @param feature a column
   * @param count how many of the newest rows, at most {@link #size()}
   * @return that column of the newest {@code count} rows, oldest first
   */
  double[] column(int feature, int count) {
    int rows = ring.length / dims;
    double[] column = new double[count];
    int first = Math.floorMod(head - count, rows);
    for (int i = 0; i < count; i++) {
      column[i] = ring[((first + i) % rows) * dims + feature];
    }
    return column;
  }
}
