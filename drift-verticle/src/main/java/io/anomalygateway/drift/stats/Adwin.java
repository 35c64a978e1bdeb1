/*
 * The algorithm follows River's river.drift.ADWIN (BSD-3-Clause, Copyright (c) 2020, the river developers),
 * as of River 0.22 and later, so that detections agree with what River users see.
 */
package io.anomalygateway.drift.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * ADWIN, adaptive windowing (Bifet and Gavalda 2007): keeps the longest recent window whose two parts have no
 * significantly different means, and reports drift whenever it has to drop older items. Defaults are River's:
 * {@code delta = 0.002}, {@code clock = 32}, {@code max_buckets = 5}, {@code min_window_length = 5},
 * {@code grace_period = 10}.
 *
 * <p>The window is an exponential histogram: row {@code i} holds up to {@code max_buckets + 1} buckets of
 * {@code 2^i} items (total and sum of squared deviations); when a row overflows its two oldest buckets merge into the
 * next row. Every {@code clock} updates, once the window is longer than {@code grace_period}, each bucket boundary is
 * tested as a cut: older part {@code W0} against newer part {@code W1}, both at least {@code min_window_length}
 * long, significant when {@code |mean0 - mean1| > sqrt(2 m v d) + 2/3 d m} with {@code d = ln(2 ln(width) / delta)},
 * {@code m = 1/(n0 - min + 1) + 1/(n1 - min + 1)} and {@code v} the window's variance. A significant cut drops the
 * oldest bucket and the scan starts again. After a detection the next update starts from an empty window.
 */
public final class Adwin implements StreamDetector {

  private static final double DEFAULT_DELTA = 0.002;
  private static final int DEFAULT_CLOCK = 32;
  private static final int DEFAULT_MAX_BUCKETS = 5;
  private static final int DEFAULT_MIN_WINDOW = 5;
  private static final int DEFAULT_GRACE = 10;

  /** The buckets of one row, each summarising {@code 2^row} items; index 0 is the oldest. */
  private static final class Row {
    final double[] totals;
    final double[] variances;
    int count;

    Row(int maxBuckets) {
      totals = new double[maxBuckets + 1];
      variances = new double[maxBuckets + 1];
    }

    void append(double total, double variance) {
      totals[count] = total;
      variances[count] = variance;
      count++;
    }

    void dropOldest(int n) {
      System.arraycopy(totals, n, totals, 0, count - n);
      System.arraycopy(variances, n, variances, 0, count - n);
      count -= n;
    }
  }

  private final double delta;
  private final int clock;
  private final int maxBuckets;
  private final int minWindow;
  private final int grace;
  private final List<Row> rows = new ArrayList<>();
  private double total;
  private double variance;
  private double width;
  private int tick;
  private boolean detected;

  /** ADWIN with River's defaults. */
  public Adwin() {
    this(DEFAULT_DELTA, DEFAULT_CLOCK, DEFAULT_MAX_BUCKETS, DEFAULT_MIN_WINDOW, DEFAULT_GRACE);
  }

  /**
   * @param delta the confidence parameter: smaller means fewer false alarms and later detections
   * @param clock updates between cut checks
   * @param maxBuckets buckets per histogram row
   * @param minWindow the shortest part of a cut
   * @param grace updates before the first check
   */
  public Adwin(double delta, int clock, int maxBuckets, int minWindow, int grace) {
    this.delta = delta;
    this.clock = clock;
    this.maxBuckets = maxBuckets;
    this.minWindow = minWindow;
    this.grace = grace;
    clear();
  }

  private void clear() {
    rows.clear();
    rows.add(new Row(maxBuckets));
    total = 0;
    variance = 0;
    width = 0;
    tick = 0;
    detected = false;
  }

  @Override
  public boolean update(double value) {
    if (detected) {
      clear();
    }
    insert(value);
    detected = detectChange();
    return detected;
  }

  private void insert(double value) {
    rows.get(0).append(value, 0.0);
    width += 1;
    if (width > 1) {
      double deviation = value - total / (width - 1);
      variance += (width - 1) * deviation * deviation / width;
    }
    total += value;
    compress();
  }

  private void compress() {
    for (int i = 0; rows.get(i).count == maxBuckets + 1; i++) {
      if (i + 1 == rows.size()) {
        rows.add(new Row(maxBuckets));
      }
      Row row = rows.get(i);
      double n = 1L << i;
      double difference = row.totals[0] / n - row.totals[1] / n;
      rows.get(i + 1).append(row.totals[0] + row.totals[1],
          row.variances[0] + row.variances[1] + n * n * difference * difference / (2 * n));
      row.dropOldest(2);
      if (rows.get(i + 1).count <= maxBuckets) {
        break;
      }
    }
  }

  private void dropOldestBucket() {
    int last = rows.size() - 1;
    Row row = rows.get(last);
    double n = 1L << last;
    double bucketTotal = row.totals[0];
    width -= n;
    total -= bucketTotal;
    double difference = bucketTotal / n - total / width;
    variance -= row.variances[0] + n * width * difference * difference / (n + width);
    row.dropOldest(1);
    if (row.count == 0) {
      rows.remove(last);
    }
  }

  private boolean detectChange() {
    tick++;
    if (tick % clock != 0 || width <= grace) {
      return false;
    }
    boolean changed = false;
    while (cutFound()) {
      changed = true;
      dropOldestBucket();
    }
    return changed;
  }

  /** Scans the bucket boundaries from the oldest; true at the first significant cut. */
  private boolean cutFound() {
    double n0 = 0;
    double n1 = width;
    double u0 = 0;
    double u1 = total;
    for (int i = rows.size() - 1; i >= 0; i--) {
      Row row = rows.get(i);
      double size = 1L << i;
      for (int k = 0; k < row.count; k++) {
        n0 += size;
        n1 -= size;
        u0 += row.totals[k];
        u1 -= row.totals[k];
        if (i == 0 && k == row.count - 1) {
          return false;
        }
        if (n0 >= minWindow && n1 >= minWindow && significant(n0, n1, u0 / n0 - u1 / n1)) {
          return width > 0;
        }
      }
    }
    return false;
  }

  private boolean significant(double n0, double n1, double meanDifference) {
    double d = Math.log(2 * Math.log(width) / delta);
    double m = 1.0 / (n0 - minWindow + 1) + 1.0 / (n1 - minWindow + 1);
    double epsilon = Math.sqrt(2 * m * (variance / width) * d) + 2.0 / 3.0 * d * m;
    return Math.abs(meanDifference) > epsilon;
  }
}
