package io.anomalygateway.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol is polyglot: the Python example (the {@code websockets} package only; {@code .ci/run} installs
 * Debian's {@code python3-websockets}) streams to the real gateway, gets results, anomalies and their events.
 */
@Timeout(90)
class PythonExampleTest extends EmbeddedGatewayTest {

  /** Debian's interpreter, where Debian's package lives; a version manager's shim in front of it may not see it. */
  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  @Test
  void thePythonExampleStreamsAndSeesItsAnomalies() throws IOException, InterruptedException {
    Path script = Path.of("..", "examples", "python", "stream.py");
    Process process = new ProcessBuilder(python(), script.toString(), "--url", "ws://127.0.0.1:" + port,
        "--session", "python", "--samples", "400").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the example finished").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("streamed 400 samples").contains("session total 400").containsPattern(
        "[1-9]\\d* anomalies");
  }
}
