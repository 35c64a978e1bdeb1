package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

/**
 * The most recent rows of a stream, up to a capacity, in one flat ring array of doubles. The array grows with the
 * rows actually held (doubling, from {@value #FIRST_ROWS} rows up to the capacity), so a session that sent one sample
 * costs one sample's memory, not its maximum; once full, adding a row never allocates.
 */
public final class SlidingBuffer {

  private static final int FIRST_ROWS = 16;

  private final int dims;
  private double[] ring;
  private int capacity;
  private int head;
  private int size;

  /**
   * @param capacity the number of rows kept
   * @param dims the values per row
   */
  public SlidingBuffer(int capacity, int dims) {
    this.dims = dims;
    this.capacity = capacity;
    this.ring = new double[0];
  }

  /**
   * @param rows rows held
   * @param capacity the buffer's capacity in rows
   * @param dims values per row
   * @return the bytes of the ring array of a buffer holding that many rows
   */
  public static long bytesFor(long rows, int capacity, int dims) {
    return 8L * allocatedRows(rows, capacity) * dims;
  }

  private static int allocatedRows(long rows, int capacity) {
    if (rows <= 0) {
      return 0;
    }
    long allocated = Math.max(FIRST_ROWS, Long.highestOneBit(rows - 1) << 1);
    return (int) Math.min(capacity, Math.max(rows, allocated));
  }

  /** @return the bytes of the ring array now */
  public long bytes() {
    return 8L * ring.length;
  }

  /**
   * Appends a row, evicting the oldest one when full.
   *
   * @param values a flat array of rows
   * @param offset where the row starts
   */
  public void add(double[] values, int offset) {
    if (size < capacity && (size + 1) * dims > ring.length) {
      grow(allocatedRows(size + 1L, capacity));
    }
    System.arraycopy(values, offset, ring, head * dims, dims);
    head = (head + 1) % (ring.length / dims);
    if (size < capacity) {
      size++;
    }
  }

  /** @return the number of rows held */
  public int size() {
    return size;
  }

  /** @return the values per row */
  public int dims() {
    return dims;
  }

  /** @return the number of rows it can hold */
  public int capacity() {
    return capacity;
  }

  /**
   * Changes the capacity, keeping the most recent rows that fit.
   *
   * @param newCapacity the new number of rows kept
   */
  public void resize(int newCapacity) {
    if (newCapacity == capacity) {
      return;
    }
    double[] rows = copyRows();
    int keep = Math.min(size, newCapacity);
    ring = new double[allocatedRows(keep, newCapacity) * dims];
    System.arraycopy(rows, (size - keep) * dims, ring, 0, keep * dims);
    capacity = newCapacity;
    size = keep;
    head = ring.length == 0 ? 0 : keep % (ring.length / dims);
  }

  /** While the buffer is not full, its rows sit at the start of the ring, oldest first, so growing is one copy. */
  private void grow(int rows) {
    double[] larger = new double[rows * dims];
    System.arraycopy(ring, 0, larger, 0, size * dims);
    ring = larger;
    head = size;
  }

  /**
   * Forgets all but the newest rows, keeping the capacity.
   *
   * @param rows how many of the newest rows to keep
   */
  public void keepNewest(int rows) {
    int capacityBefore = capacity;
    resize(Math.max(1, Math.min(rows, capacity)));
    resize(capacityBefore);
  }

  /** @return a copy of the rows, oldest first, for fitting while the buffer goes on changing */
  public Samples snapshot() {
    return new Samples(dims, copyRows());
  }

  private double[] copyRows() {
    double[] rows = new double[size * dims];
    int oldest = size < capacity ? 0 : head;
    int first = Math.min(size, ring.length / Math.max(1, dims) - oldest);
    System.arraycopy(ring, oldest * dims, rows, 0, first * dims);
    System.arraycopy(ring, 0, rows, first * dims, (size - first) * dims);
    return rows;
  }

  @Override
  public String toString() {
    return "SlidingBuffer[size=" + size + ", capacity=" + capacity + ", dims=" + dims + "]";
  }
}
