package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Authenticator;
import io.anomalygateway.gateway.security.SecurityOptions;
import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.wire.RequestReader;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.vertx.core.Vertx;

/**
 * The parts of one gateway instance that its connections share.
 *
 * @param vertx the Vert.x instance
 * @param options the gateway's settings
 * @param security the {@code security} section
 * @param cluster the {@code cluster} section
 * @param connectionDefaults the processing settings new connections and bridge requests start with, made once
 * @param registry the node's connections and counters
 * @param reader reads client messages
 * @param handler answers client requests
 * @param topics delivers topic events to subscribed connections
 * @param traffic what the instance's connections sent and received, for the stats topic
 * @param authenticator verifies tokens
 * @param meters the gateway's Micrometer meters
 */
record Gateway(Vertx vertx, GatewayOptions options, SecurityOptions security, ClusterOptions cluster,
               ConnectionSettings connectionDefaults,
               ConnectionRegistry registry, RequestReader reader,
               RequestHandler handler, TopicRouter topics, TrafficMeter traffic, Authenticator authenticator,
               GatewayMeters meters) {
}
