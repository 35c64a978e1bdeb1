package io.anomalygateway.launcher.offline;

/**
 * NAB's scaled sigmoid of a detection's position relative to a window's right end, in window lengths: 1 at the far
 * left of a long window, 0 at its right end, falling towards -1 after it and exactly -1 from three window lengths
 * on (Lavin and Ahmad 2015, eq. 1 with A_TP = 1, A_FP = -1).
 */
final class NabSigmoid {

  /** The value at the start of a window (-1), by which detections in windows are divided so that it earns A_TP. */
  static final double AT_WINDOW_START = of(-1.0);

  private NabSigmoid() {
  }

  /**
   * @param position the relative position: -1 at a window's first row, 0 just past its last, positive after it
   * @return {@code 2 / (1 + e^(5 position)) - 1}, or -1 beyond 3
   */
  static double of(double position) {
    if (position > 3.0) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * position)) - 1.0;
  }
}
