package io.anomalygateway.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Micrometer's warning that one of Vert.x's own gauges ({@code vertx.*}) "has been already registered".
 * vertx-micrometer-metrics registers its gauges once per handler, socket or pool on purpose and keeps one counter
 * per meter id, so the values are right; Micrometer 1.13.9 and later warn at the second registration all the same
 * (vert-x3/vertx-micrometer-metrics#259, micrometer-metrics/micrometer#6931). That warning was the first line of
 * every start. The same warning about any other meter, ours included, still goes through.
 */
public final class VertxGaugeRegistrationFilter extends TurboFilter {

  private static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";
  private static final String MESSAGE = "This Gauge has been already registered (MeterId{name='vertx.";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                            Throwable t) {
    return format != null && format.startsWith(MESSAGE) && LOGGER.equals(logger.getName())
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
