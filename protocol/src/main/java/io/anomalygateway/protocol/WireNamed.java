package io.anomalygateway.protocol;

/**
 * An enum whose constants travel by name: on the wire, in the configuration, in metrics' tags. The name is the
 * constant's in lower case ({@link WireNames}), so that no enum declares its names twice.
 */
public interface WireNamed {

  /** @return the name on the wire, e.g. {@code isolation_forest} for {@code ISOLATION_FOREST} */
  default String wireName() {
    return WireNames.of((Enum<?>) this);
  }
}
