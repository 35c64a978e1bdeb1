package io.anomalygateway.drift.stats;

import org.apache.commons.statistics.inference.Inequality;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sample Kolmogorov-Smirnov test, two-sided, as {@code scipy.stats.ks_2samp} computes it with its default
 * {@code method='auto'}: Apache Commons Statistics with an automatic choice of exact or asymptotic p-value and a
 * non-strict inequality ({@code P(D >= d)}), which reproduces SciPy's statistic and p-value to within 1e-15 on the
 * reference pairs.
 */
public final class KolmogorovSmirnov {

  private static final KolmogorovSmirnovTest TEST = KolmogorovSmirnovTest.withDefaults()
      .with(PValueMethod.AUTO)
      .with(Inequality.NON_STRICT);

  private KolmogorovSmirnov() {
  }

  /**
   * @param reference one sample (not changed)
   * @param recent the other sample (not changed)
   * @return {@code {statistic, pValue}}: the largest distance between the two empirical distribution functions,
   *     and the probability of a distance at least as large if both samples come from one distribution
   */
  public static double[] test(double[] reference, double[] recent) {
    KolmogorovSmirnovTest.TwoResult result = TEST.test(reference, recent);
    return new double[] {result.getStatistic(), result.getPValue()};
  }
}
