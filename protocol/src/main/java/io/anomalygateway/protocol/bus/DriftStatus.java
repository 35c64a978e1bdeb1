package io.anomalygateway.protocol.bus;

/**
 * A session's drift monitoring, reported in {@code stats}.
 *
 * @param samples samples the monitor has seen for the session
 * @param referenceSize samples in its reference window
 * @param detections drifts detected by continuous monitoring
 * @param lastDetection the stream position of the last detection, or -1
 * @param settings the session's drift settings
 */
public record DriftStatus(long samples, int referenceSize, long detections, long lastDetection,
                          DriftSettings settings) {
}
