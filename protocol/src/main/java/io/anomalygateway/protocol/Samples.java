package io.anomalygateway.protocol;

import java.util.Arrays;

/**
 * One or more samples of equal dimension, stored row after row in one array.
 *
 * <p>A flat array keeps a batch of 10,000 rows one allocation instead of 10,001 and lets the detector copy rows into
 * its buffer without boxing. The array is shared, not copied: once handed over, neither side may change it.
 *
 * @param dims the number of values per sample (at least 1)
 * @param values {@code count() * dims} finite numbers, row after row
 */
public record Samples(int dims, double[] values) {

  /** Validates the shape. */
  public Samples {
    if (dims < 1 || values.length == 0 || values.length % dims != 0) {
      throw new IllegalArgumentException("values must hold a positive whole number of rows of " + dims);
    }
  }

  /**
   * @param row one sample
   * @return a block holding that sample alone
   */
  public static Samples of(double[] row) {
    return new Samples(row.length, row);
  }

  /** @return the number of samples */
  public int count() {
    return values.length / dims;
  }

  /**
   * @param row the sample's index
   * @param column the feature's index
   * @return the value
   */
  public double value(int row, int column) {
    return values[row * dims + column];
  }

  /**
   * @param row the sample's index
   * @return a copy of the sample's values
   */
  public double[] row(int row) {
    return Arrays.copyOfRange(values, row * dims, (row + 1) * dims);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Samples && ((Samples) other).dims == dims
        && Arrays.equals(((Samples) other).values, values);
  }

  @Override
  public int hashCode() {
    return 31 * dims + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Samples[count=" + count() + ", dims=" + dims + "]";
  }
}
