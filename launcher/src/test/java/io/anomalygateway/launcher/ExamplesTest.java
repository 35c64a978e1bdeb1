package io.anomalygateway.launcher;

import io.anomalygateway.examples.Examples;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Each example program runs to the end against a real gateway and prints what its README line promises. */
@Timeout(90)
class ExamplesTest extends EmbeddedGatewayTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "basic       | 400   | 0 | streamed 400 samples",
      "batch       | 1000  | 0 | 1000 rows in",
      "drift       | 1000  | 0 | drift true (monitor, detected at sample",
      "pubsub      | 300   | 8 | [anomalies] anomaly",
      "dashboard   | 0     | 2 | samples",
      "performance | 3000  | 0 | batches: 30 of 100 rows in"})
  void runsToTheEndAgainstARealGateway(String name, int samples, int duration, String expected) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exit = Examples.ALL.get(name).run(new String[] {"--url", "ws://127.0.0.1:" + port, "--session", name,
          "--samples", Integer.toString(samples), "--duration", Integer.toString(duration)}, out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isZero();
    assertThat(printed).contains(expected);
  }
}
