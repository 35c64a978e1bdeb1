package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.DriftMethod;

import java.util.List;

/**
 * The drift monitor's answer to a {@link DriftQuery}.
 *
 * @param status {@code "ok"}, {@code "insufficient_data"} (see {@code samplesNeeded}) or {@code "reset"}
 * @param driftDetected whether any feature drifted
 * @param method the test of the evidence
 * @param windowSize the recent samples compared
 * @param referenceSize the samples in the reference window
 * @param currentSize the recent samples compared
 * @param alpha the significance level after correction
 * @param correction how the level was corrected across features ({@code bonferroni} or {@code benjamini_hochberg})
 * @param samplesNeeded with {@code insufficient_data}, how many more samples the session needs
 * @param features per-feature evidence, empty unless {@code status} is {@code "ok"}
 * @param evidence with {@code ok}: {@link #COMPARISON} (this request compared the reference with the newest
 *     samples) or {@link #MONITOR} (the reference is re-forming after a detection of continuous monitoring, which
 *     is the answer: its method, window, level and per-feature evidence); {@code null} otherwise
 * @param detectedAt the stream position of the detection reported ({@code MONITOR}), or of the last detection since
 *     the last reset; -1 without one
 */
public record DriftReport(String status, boolean driftDetected, DriftMethod method, int windowSize, int referenceSize,
                          int currentSize, double alpha, String correction, int samplesNeeded,
                          List<FeatureDrift> features, String evidence, long detectedAt) {

  /** Status of a report with evidence. */
  public static final String OK = "ok";
  /** Status when the session does not have enough samples yet. */
  public static final String INSUFFICIENT_DATA = "insufficient_data";
  /** Status after a reset of the reference. */
  public static final String RESET = "reset";
  /** Evidence of a comparison made for the request. */
  public static final String COMPARISON = "comparison";
  /** Evidence of continuous monitoring's detection, while the reference re-forms after it. */
  public static final String MONITOR = "monitor";

  /** Copies the list. */
  public DriftReport {
    features = List.copyOf(features);
  }
}
