package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TCP bridge is polyglot without any library: the standard-library Python example subscribes to a session's
 * anomalies and sends samples through the bridge, and gets results and events.
 */
@Timeout(120)
class TcpBridgeExampleTest extends SecuredGatewayTest {

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("tcp_bridge", new JsonObject().put("enabled", true).put("port", 0));
  }

  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  @Test
  void theStandardLibraryExampleScoresSamplesAndReceivesAnomalies() throws IOException, InterruptedException {
    Path script = Path.of("..", "examples", "tcp-bridge", "anomalies_over_tcp.py");
    String token = Tokens.hs256("tcp-example", List.of("producer"), List.of("tcp-example"));
    Process process = new ProcessBuilder(python(), script.toString(), "--port",
        String.valueOf(gatewayVerticle.tcpPort()), "--session", "tcp-example", "--token", token, "--samples", "300")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the example finished").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("scored 300 samples through the TCP bridge").containsPattern(
        "[1-9]\\d* anomalies, [1-9]\\d* anomaly events");
  }
}
