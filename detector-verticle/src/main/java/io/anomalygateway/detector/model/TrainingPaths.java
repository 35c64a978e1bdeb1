package io.anomalygateway.detector.model;

/**
 * The path sums of the rows a forest was fitted on, over all its trees: what its threshold is computed from, and
 * what the next incremental refit updates for the rows both buffers share instead of walking every tree again.
 *
 * @param firstRow the stream position of the first training row (rows added to the session's buffer before it)
 * @param sums each training row's sum of path lengths, in buffer order
 */
record TrainingPaths(long firstRow, double[] sums) {

  /**
   * @param row a stream position
   * @return whether the row was a training row
   */
  boolean holds(long row) {
    return row >= firstRow && row - firstRow < sums.length;
  }
}
