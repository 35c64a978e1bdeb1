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
  /** How far above the level an asymptotic p-value must be to decide without the exact one. */
  static final double SCREEN_MARGIN = 10;

  private static final KolmogorovSmirnovTest EXACT = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.EXACT);
  private static final KolmogorovSmirnovTest ASYMPTOTIC = KolmogorovSmirnovTest.withDefaults()
      .with(PValueMethod.ASYMPTOTIC);

  private KolmogorovSmirnov() {
  }

  /**
   * The same test for a yes/no decision at level {@code alpha} (or any stricter level): the exact p-value, which
   * costs O(nm), is computed only when the cheap asymptotic one is within a factor of ten of {@code alpha}; beyond
   * it, the asymptotic value is returned, which decides the same way (the two differ by a few percent at these
   * sizes, not tenfold). Continuous monitoring checks every session every {@code check_interval} samples and needs
   * only the decision; {@code drift} requests use {@link #test}, which matches SciPy.
   *
   * @return {@code {statistic, pValue}}, the p-value exact wherever it could decide
   */
  public static double[] screen(double[] reference, double[] recent, double alpha) {
    KolmogorovSmirnovTest.TwoResult asymptotic = ASYMPTOTIC.test(reference, recent);
    if (asymptotic.getPValue() > SCREEN_MARGIN * alpha) {
      return new double[] {asymptotic.getStatistic(), asymptotic.getPValue()};
    }
    return test(reference, recent);
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
