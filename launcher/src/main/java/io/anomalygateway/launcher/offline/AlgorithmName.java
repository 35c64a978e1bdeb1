package io.anomalygateway.launcher.offline;

import io.anomalygateway.protocol.Algorithm;
import picocli.CommandLine;

/** An algorithm's wire name on the command line; an unknown one is refused with the known names. */
final class AlgorithmName implements CommandLine.ITypeConverter<Algorithm> {

  @Override
  public Algorithm convert(String value) {
    try {
      return Algorithm.ofWireName(value);
    } catch (RuntimeException e) {
      throw new CommandLine.TypeConversionException("unknown algorithm '" + value + "': use "
          + Algorithm.wireNames());
    }
  }
}
