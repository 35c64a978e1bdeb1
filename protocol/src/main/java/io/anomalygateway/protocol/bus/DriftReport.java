package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.DriftMethod;

import java.util.List;

/**
 * The drift monitor's answer to a {@link DriftQuery}.
 *
 * @param status {@code "ok"}, {@code "insufficient_data"} (see {@code samplesNeeded}) or {@code "reset"}
 * @param driftDetected whether any feature drifted
 * @param method the test used
 * @param windowSize the recent samples asked for
 * @param referenceSize the samples in the reference window
 * @param currentSize the recent samples compared
 * @param alpha the significance level after correction
 * @param correction how the level was corrected across features ({@code bonferroni} or {@code benjamini_hochberg})
 * @param samplesNeeded with {@code insufficient_data}, how many more samples the session needs
 * @param features per-feature evidence, empty unless {@code status} is {@code "ok"}
 */
public record DriftReport(String status, boolean driftDetected, DriftMethod method, int windowSize, int referenceSize,
                          int currentSize, double alpha, String correction, int samplesNeeded,
                          List<FeatureDrift> features) {

  /** Status of a report with evidence. */
  public static final String OK = "ok";
  /** Status when the session does not have enough samples yet. */
  public static final String INSUFFICIENT_DATA = "insufficient_data";
  /** Status after a reset of the reference. */
  public static final String RESET = "reset";

  /** Copies the list. */
  public DriftReport {
    features = List.copyOf(features);
  }
}
