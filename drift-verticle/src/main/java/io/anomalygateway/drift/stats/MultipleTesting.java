package io.anomalygateway.drift.stats;

import io.anomalygateway.protocol.WireNamed;
import io.anomalygateway.protocol.WireNames;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Decides which of several tests to reject at an overall level {@code alpha}, so that testing 32 features does not
 * mean 32 chances of a false alarm.
 */
public enum MultipleTesting implements WireNamed {

  /** Bonferroni: reject where {@code p <= alpha / m}; bounds the chance of any false alarm by {@code alpha}. */
  BONFERRONI {
    @Override
    public boolean[] reject(double[] pValues, double alpha) {
      boolean[] rejected = new boolean[pValues.length];
      for (int i = 0; i < pValues.length; i++) {
        rejected[i] = pValues[i] <= alpha / pValues.length;
      }
      return rejected;
    }
  },

  /**
   * Benjamini-Hochberg: reject the {@code k} smallest p-values, {@code k} the largest rank with
   * {@code p(k) <= k alpha / m}; bounds the expected share of false alarms among the alarms by {@code alpha}.
   */
  BENJAMINI_HOCHBERG {
    @Override
    public boolean[] reject(double[] pValues, double alpha) {
      int m = pValues.length;
      Integer[] order = new Integer[m];
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
      int last = -1;
      for (int rank = 0; rank < m; rank++) {
        if (pValues[order[rank]] <= (rank + 1) * alpha / m) {
          last = rank;
        }
      }
      boolean[] rejected = new boolean[m];
      for (int rank = 0; rank <= last; rank++) {
        rejected[order[rank]] = true;
      }
      return rejected;
    }
  };

  /**
   * @param pValues one p-value per test
   * @param alpha the overall level
   * @return which tests are rejected
   */
  public abstract boolean[] reject(double[] pValues, double alpha);

  /**
   * @param wireName a configured name
   * @return the correction
   */
  public static MultipleTesting ofWireName(String wireName) {
    return WireNames.find(MultipleTesting.class, wireName).orElseThrow(() ->
        new IllegalArgumentException("drift_correction must be 'bonferroni' or 'benjamini_hochberg'"));
  }
}
