package io.anomalygateway.drift;

import io.anomalygateway.drift.stats.PopulationStability;

import java.util.Arrays;

/**
 * A complete reference window by feature, sorted, with its PSI bins: computed once per reference rather than at
 * every check. Both tests ignore the order of the values; the KS test sorts its inputs again, which for a sorted
 * array is a linear pass. The profile of continuous monitoring showed the reference's sorts as most of its cost.
 */
final class ReferenceColumns {

  private final int count;
  private final double[][] sorted;
  private final PopulationStability.Reference[] bins;

  ReferenceColumns(double[] rows, int count, int dims, int psiBins) {
    this.count = count;
    this.sorted = new double[dims][];
    this.bins = new PopulationStability.Reference[dims];
    for (int k = 0; k < dims; k++) {
      double[] column = new double[count];
      for (int i = 0; i < count; i++) {
        column[i] = rows[i * dims + k];
      }
      Arrays.sort(column);
      sorted[k] = column;
      bins[k] = PopulationStability.reference(column, psiBins);
    }
  }

  /** @return the number of reference rows these columns were built from */
  int count() {
    return count;
  }

  /** @return the feature's reference values, ascending; not to be changed */
  double[] sorted(int feature) {
    return sorted[feature];
  }

  /** @return the feature's PSI bins */
  PopulationStability.Reference bins(int feature) {
    return bins[feature];
  }
}
