package io.anomalygateway.launcher.offline;

import io.anomalygateway.gateway.GatewayVerticle;
import io.anomalygateway.launcher.Deployment;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.runtime.config.PackagedDefaults;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code drift-eval --data DIR}: starts the whole system on a free port, streams every drift data set of
 * {@code DIR/drift} through its WebSocket endpoint once per monitoring method, and tabulates the detection delay of
 * each documented change point and the false alarms.
 */
@Command(name = "drift-eval", mixinStandardHelpOptions = true,
    description = "Starts the whole system on a free port, streams every drift data set through its WebSocket "
        + "endpoint once per monitoring method, and tabulates detection delays and false alarms.")
public final class DriftEvaluationCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "the data folder holding drift/")
  Path data;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    JsonObject config = PackagedDefaults.all();
    Path dir = data.resolve("drift");
    JsonObject truth = new JsonObject(DataFile.read(dir.resolve("ground_truth.json"))).getJsonObject("streams");
    // A private server on the loopback interface, for this evaluation only: no tokens needed.
    config.getJsonObject("gateway").put("port", 0).put("host", "127.0.0.1");
    config.put("security", config.getJsonObject("security", new JsonObject()).put("auth_enabled", false));
    Vertx vertx = Vertx.vertx();
    try {
      GatewayVerticle gateway = Deployment.embedded(vertx, config).await(60, TimeUnit.SECONDS);
      DriftStreamRun runner = new DriftStreamRun(vertx, gateway.actualPort());
      out.println("| stream | change points | method | detection delay (samples) | false alarms | repeat alarms |");
      out.println("|---|---|---|---|---:|---:|");
      for (String stream : truth.fieldNames().stream().sorted().toList()) {
        CsvTable rows = CsvTable.read(dir.resolve(truth.getJsonObject(stream).getString("file")), "label");
        List<Integer> changes = ints(truth.getJsonObject(stream).getJsonArray("drift_points"));
        for (DriftMethod method : DriftMethod.values()) {
          List<Long> detections = runner.run("eval-" + stream + "-" + method.wireName(), rows, method)
              .await(600, TimeUnit.SECONDS);
          DriftScore score = DriftScore.of(changes, detections);
          out.printf("| %s | %s | %s | %s | %d | %d |%n", stream, changes.isEmpty() ? "none" : changes,
              method.wireName(), score.delays().stream().map(d -> d < 0 ? "missed" : d.toString())
                  .collect(Collectors.joining(", ")), score.falseAlarms(), score.repeats());
        }
      }
    } finally {
      vertx.close().await(60, TimeUnit.SECONDS);
    }
    return 0;
  }

  private static List<Integer> ints(JsonArray array) {
    List<Integer> values = new ArrayList<>();
    for (Object value : array) {
      values.add(((Number) value).intValue());
    }
    return values;
  }
}
