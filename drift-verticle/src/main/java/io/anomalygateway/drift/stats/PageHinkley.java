/*
 * The algorithm follows River's river.drift.PageHinkley (BSD-3-Clause, Copyright (c) 2020, the river developers),
 * so that detections agree with what River users see.
 */
package io.anomalygateway.drift.stats;

/**
 * The Page-Hinkley test (Page 1954), two-sided, with River's defaults: {@code min_instances = 30},
 * {@code delta = 0.005}, {@code threshold = 50}, {@code alpha = 0.9999}.
 *
 * <p>With {@code mean} the running mean since the last reset, it tracks {@code S+ = alpha S+ + (x - mean) - delta}
 * and {@code S- = alpha S- + (x - mean) + delta}, their running minimum and maximum, and reports drift once at least
 * {@code min_instances} items arrived and {@code S+ - min(S+) > threshold} (an increase) or
 * {@code max(S-) - S- > threshold} (a decrease). Like River, the maximum starts at -1 and the sums are not clipped.
 * The threshold is in the units of the data: scale the input, or raise it, for data with a large spread.
 */
public final class PageHinkley implements StreamDetector {

  private final int minInstances;
  private final double delta;
  private final double threshold;
  private final double alpha;
  private double count;
  private double mean;
  private double sumIncrease;
  private double sumDecrease;
  private double minIncrease;
  private double maxDecrease;
  private boolean detected;

  /** Page-Hinkley with River's defaults. */
  public PageHinkley() {
    this(30, 0.005, 50.0, 1 - 0.0001);
  }

  /**
   * @param minInstances items before the first test
   * @param delta the tolerated change of the mean
   * @param threshold the cumulative deviation that signals drift
   * @param alpha the forgetting factor of the cumulative sums
   */
  public PageHinkley(int minInstances, double delta, double threshold, double alpha) {
    this.minInstances = minInstances;
    this.delta = delta;
    this.threshold = threshold;
    this.alpha = alpha;
    clear();
  }

  private void clear() {
    detected = false;
    count = 0;
    mean = 0;
    sumIncrease = 0;
    sumDecrease = 0;
    minIncrease = Double.POSITIVE_INFINITY;
    maxDecrease = -1;
  }

  @Override
  public boolean update(double value) {
    if (detected) {
      clear();
    }
    count += 1;
    mean += (value - mean) / count;
    double deviation = value - mean;
    sumIncrease = alpha * sumIncrease + deviation - delta;
    sumDecrease = alpha * sumDecrease + deviation + delta;
    minIncrease = Math.min(minIncrease, sumIncrease);
    maxDecrease = Math.max(maxDecrease, sumDecrease);
    if (count >= minInstances) {
      detected = sumIncrease - minIncrease > threshold || maxDecrease - sumDecrease > threshold;
    }
    return detected;
  }
}
