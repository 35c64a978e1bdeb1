package io.anomalygateway.drift;

/**
 * The most recent rows of a stream in a fixed ring of {@code capacity * dims} doubles, read back column by column
 * for the per-feature tests.
 */
final class RecentWindow {

  private final int dims;
  private final int capacity;
  private final double[] ring;
  private int head;
  private int size;

  RecentWindow(int capacity, int dims) {
    this.dims = dims;
    this.capacity = capacity;
    this.ring = new double[capacity * dims];
  }

  void add(double[] values, int offset) {
    System.arraycopy(values, offset, ring, head * dims, dims);
    head = (head + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  int size() {
    return size;
  }

  void clear() {
    head = 0;
    size = 0;
  }

  /**
   * @param feature a column
   * @param count how many of the newest rows, at most {@link #size()}
   * @return that column of the newest {@code count} rows, oldest first
   */
  double[] column(int feature, int count) {
    double[] column = new double[count];
    int first = Math.floorMod(head - count, capacity);
    for (int i = 0; i < count; i++) {
      column[i] = ring[((first + i) % capacity) * dims + feature];
    }
    return column;
  }
}
