package io.anomalygateway.protocol.wire;

/**
 * The bounds {@link RequestReader} enforces while reading, so that a hostile message is refused before it costs
 * memory.
 *
 * @param maxBatchRows the largest accepted number of rows in {@code batch_data}
 * @param maxDimensions the largest accepted number of values in one sample
 * @param maxIdLength the longest accepted {@code request_id}
 */
public record ReadLimits(int maxBatchRows, int maxDimensions, int maxIdLength) {

  /** The defaults: 10,000 rows, 1,024 dimensions, 256-character ids. */
  public static final ReadLimits DEFAULT = new ReadLimits(10_000, 1_024, 256);

  /** Validates the bounds. */
  public ReadLimits {
    if (maxBatchRows < 1 || maxDimensions < 1 || maxIdLength < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
