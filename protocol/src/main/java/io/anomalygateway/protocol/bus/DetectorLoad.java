package io.anomalygateway.protocol.bus;

/**
 * What a detector holds, reported with each session's statistics.
 *
 * @param sessions the sessions it holds
 * @param evictions the sessions it evicted: idle longer than {@code session_idle_timeout}, or idle for
 *     {@code capacity.eviction_idle} when room was needed
 * @param stateBytes bytes of session state held by the detector's process (its detector and drift instances)
 * @param stateBudget the process's state budget in bytes
 * @param refusals requests and observations refused for want of state memory, in the process
 */
public record DetectorLoad(int sessions, long evictions, long stateBytes, long stateBudget, long refusals) {
}
