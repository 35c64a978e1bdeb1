package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;

/**
 * The most recent rows of a stream, up to a capacity, in one flat ring array of {@code capacity * dims} doubles:
 * its memory is fixed from the start and adding a row never allocates.
 */
public final class SlidingBuffer {

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
    this.ring = new double[capacity * dims];
  }

  /**
   * Appends a row, evicting the oldest one when full.
   *
   * @param values a flat array of rows
   * @param offset where the row starts
   */
  public void add(double[] values, int offset) {
    System.arraycopy(values, offset, ring, head * dims, dims);
    head = (head + 1) % capacity;
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
    ring = new double[newCapacity * dims];
    System.arraycopy(rows, (size - keep) * dims, ring, 0, keep * dims);
    capacity = newCapacity;
    size = keep;
    head = keep % newCapacity;
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
    int first = Math.min(size, capacity - oldest);
    System.arraycopy(ring, oldest * dims, rows, 0, first * dims);
    System.arraycopy(ring, 0, rows, first * dims, (size - first) * dims);
    return rows;
  }

  @Override
  public String toString() {
    return "SlidingBuffer[size=" + size + ", capacity=" + capacity + ", dims=" + dims + "]";
  }
}
