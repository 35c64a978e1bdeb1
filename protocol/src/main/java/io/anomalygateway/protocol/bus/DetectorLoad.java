package io.anomalygateway.protocol.bus;

/**
 * What a detector holds, reported with each session's statistics.
 *
 * @param sessions the sessions it holds
 * @param evictions the sessions it evicted for being idle longer than {@code session_idle_timeout}
 */
public record DetectorLoad(int sessions, long evictions) {
}
