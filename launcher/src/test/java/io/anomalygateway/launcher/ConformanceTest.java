package io.anomalygateway.launcher;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language-neutral conformance scenarios of {@code sdk/conformance/}, played over plain WebSockets against the
 * real verticles with authentication on; every message the gateway sends is checked against
 * {@code sdk/asyncapi.yaml}. The Python SDK's suite plays the same files.
 */
@Timeout(300)
class ConformanceTest extends SecuredGatewayTest {

  @TestFactory
  Stream<DynamicTest> everyScenarioHolds() throws IOException {
    AsyncApiContract contract = new AsyncApiContract();
    try (Stream<Path> files = Files.list(ConformancePlayer.SCENARIOS)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream()
          .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            try (ConformancePlayer player = new ConformancePlayer(vertx, port, contract)) {
              player.play(file);
            }
          }));
    }
  }

  @Test
  void theContractRejectsAResultWithoutItsVerdict() throws IOException {
    JsonObject wrong = new JsonObject().put("type", "result").put("success", true).put("request_id", "r1")
        .put("timestamp", "2026-12-03T10:00:00Z").put("sample_id", "s").put("confidence_score", "high")
        .put("algorithm", "isolation_forest").put("metadata", new JsonObject());
    assertThat(new AsyncApiContract().problems(wrong)).isNotEmpty();
  }

  @Test
  void theContractRejectsAnUndeclaredKey() throws IOException {
    JsonObject wrong = new JsonObject().put("type", "pong").put("success", true).put("request_id", "r1")
        .put("timestamp", "2026-12-03T10:00:00Z").put("surprise", 1);
    assertThat(new AsyncApiContract().problems(wrong)).isNotEmpty();
  }
}
