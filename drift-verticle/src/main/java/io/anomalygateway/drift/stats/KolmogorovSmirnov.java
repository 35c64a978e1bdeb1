package io.anomalygateway.drift.stats;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sample Kolmogorov-Smirnov test, two-sided, as {@code scipy.stats.ks_2samp} computes it with its default
 * {@code method='auto'}, through Apache Commons Statistics: the exact distribution of the statistic when neither
 * sample has more than 10,000 values, the asymptotic one ({@code kstwo} with {@code n = nm / (n + m)}) beyond, and
 * {@code P(D >= d)} in both. This reproduces SciPy's statistic and p-value to within 1e-15 on the reference pairs.
 * (Commons' own automatic choice switches below 10,000 rather than at it, hence the explicit choice.)
 */
public final class KolmogorovSmirnov {

  /** SciPy's {@code MAX_AUTO_N}: the largest sample size for which {@code 'auto'} computes the exact p-value. */
  static final int MAX_EXACT = 10_000;

  private static final KolmogorovSmirnovTest EXACT = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.EXACT);
  private static final KolmogorovSmirnovTest ASYMPTOTIC = KolmogorovSmirnovTest.withDefaults()
      .with(PValueMethod.ASYMPTOTIC);

  private KolmogorovSmirnov() {
  }

  /**
   * @param reference one sample (not changed)
   * @param recent the other sample (not changed)
   * @return {@code {statistic, pValue}}: the largest distance between the two empirical distribution functions,
   *     and the probability of a distance at least as large if both samples come from one distribution
   */
  public static double[] test(double[] reference, double[] recent) {
    KolmogorovSmirnovTest test = Math.max(reference.length, recent.length) <= MAX_EXACT ? EXACT : ASYMPTOTIC;
    KolmogorovSmirnovTest.TwoResult result = test.test(reference, recent);
    return new double[] {result.getStatistic(), result.getPValue()};
  }
}
