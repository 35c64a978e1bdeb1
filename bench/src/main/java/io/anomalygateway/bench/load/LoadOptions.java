package io.anomalygateway.bench.load;


/**
 * What one load run does, as {@link LoadCommand} reads it from the command line.
 *
 * @param url the gateway's base URL, e.g. {@code ws://localhost:8000}
 * @param connections WebSocket connections
 * @param window requests in flight per connection
 * @param durationSeconds measured seconds
 * @param warmupSeconds seconds before measuring
 * @param batch whether to send {@code batch} requests instead of {@code sample}s
 * @param batchSize rows per batch
 * @param dims values per sample
 * @param algorithm the algorithm to request, or {@code null} for the session's default
 * @param anomalyRate share of samples made anomalous (8 standard deviations on every value)
 * @param sessions distinct sessions the connections spread over
 * @param token a bearer token, or {@code null}
 * @param connectOnly when positive, only open this many connections and hold them
 * @param holdSeconds how long to hold them
 * @param sessionConfig a {@code config} object each connection sends before the load, or {@code null}
 * @param sessionPrefix the prefix of the session ids ({@code <prefix>-<n>})
 */
record LoadOptions(String url, int connections, int window, double durationSeconds, double warmupSeconds,
                   boolean batch, int batchSize, int dims, String algorithm, double anomalyRate, int sessions,
                   String token, int connectOnly, double holdSeconds, String sessionConfig,
                   String sessionPrefix) {
}
