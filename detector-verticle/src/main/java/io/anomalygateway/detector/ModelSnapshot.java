package io.anomalygateway.detector;

import io.anomalygateway.protocol.Algorithm;

/**
 * What one session model needs to go on where another detector left it: its counters, and either the rows it fits
 * on (batch-fitted models refit from them at once) or its serialised state (a forest that learns sample by sample).
 *
 * @param algorithm the model's algorithm
 * @param samples samples it scored
 * @param anomalies anomalies it reported
 * @param refits models fitted (or forests restarted)
 * @param rows its buffer's rows, oldest first, flat; empty for a streaming model
 * @param state its serialised state; empty for a batch-fitted model
 */
record ModelSnapshot(Algorithm algorithm, long samples, long anomalies, long refits, double[] rows, byte[] state) {
}
