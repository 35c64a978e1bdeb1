package io.anomalygateway.client;

/**
 * What a client has done since it was created.
 *
 * @param sent requests written to a connection (a request resent after a reconnect counts again)
 * @param received answers received
 * @param errors requests that failed (protocol errors, timeouts, full queue, lost connection)
 * @param reconnects connections made after the first one
 * @param dropped requests dropped from a full queue ({@link OverflowPolicy#DROP_OLDEST}) or refused by it
 * @param queued requests waiting for a connection now
 * @param inFlight requests sent and not answered yet
 * @param latencyP50Millis median time from call to answer, in milliseconds
 * @param latencyP99Millis 99th percentile of that time
 * @param latencyMaxMillis the longest
 */
public record ClientStatistics(long sent, long received, long errors, long reconnects, long dropped, int queued,
                               int inFlight, double latencyP50Millis, double latencyP99Millis,
                               double latencyMaxMillis) {
}
