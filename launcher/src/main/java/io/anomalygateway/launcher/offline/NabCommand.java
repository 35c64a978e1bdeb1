package io.anomalygateway.launcher.offline;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.launcher.SettingFlags;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.runtime.config.PackagedDefaults;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code nab --data DIR [--output DIR] [--algorithm A] [--shingle N] [--seed S] [--set key=value]}: streams every
 * series of the NAB corpus through a session, as the server would, writes NAB's results files and prints NAB's
 * scores per profile beside the published scoreboard, with the per-category breakdown.
 */
@Command(name = "nab", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Streams every NAB series through a session, writes NAB's results files and prints the NAB "
        + "scores beside the published scoreboard.")
public final class NabCommand implements Callable<Integer> {

  /** The detector's name in the results' folder and file names, after NAB's {@code results/<detector>/}. */
  static final String DETECTOR = "anomalyGateway";

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "the NAB corpus: data/, labels/combined_windows.json, config/profiles.json and, for the "
          + "scoreboard, results/final_results.json")
  Path dir;
  @Option(names = "--output", paramLabel = "DIR",
      description = "where to write the results files, as " + DETECTOR + "/<category>/" + DETECTOR
          + "_<series>.csv")
  Path output;
  @Option(names = "--algorithm", paramLabel = "A", defaultValue = "random_cut_forest",
      converter = AlgorithmName.class, description = "the session's algorithm (default ${DEFAULT-VALUE})")
  Algorithm algorithm;
  @Option(names = "--shingle", paramLabel = "N", defaultValue = "8",
      description = "the session's shingle_size (default ${DEFAULT-VALUE})")
  int shingle;
  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
  long seed;
  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "a key of the detector section, e.g. rcf_z_factor=3.5 (repeatable)")
  Map<String, String> settings = new LinkedHashMap<>();
  @Option(names = "--threads", paramLabel = "N", description = "series streamed at once (default: the cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws IOException {
    NabCorpus corpus = NabCorpus.read(dir);
    NabStream stream = stream(settings, algorithm, shingle, seed);
    List<NabStream.Output> outputs = stream.run(corpus, threads);
    if (output != null) {
      for (NabStream.Output result : outputs) {
        String[] parts = result.series().key().split("/");
        result.write(output.resolve(DETECTOR).resolve(parts[0]).resolve(DETECTOR + "_" + parts[1]));
      }
    }
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "NAB corpus %s: %d series, %d rows, %d windows%n", dir, outputs.size(),
        outputs.stream().mapToInt(o -> o.series().rows()).sum(),
        outputs.stream().mapToInt(o -> o.scoring().windows()).sum());
    out.printf(Locale.ROOT, "Ours: %s, shingle %d, seed %d%s%n%n", algorithm.wireName(), shingle, seed,
        settings.isEmpty() ? "" : ", " + settings);
    NabReport.of(corpus, outputs).print(out, "ours");
    if (output != null) {
      out.printf(Locale.ROOT, "%nResults files: %s%n", output.resolve(DETECTOR));
    }
    return 0;
  }

  /** @return the stream of the session the flags describe, over the packaged detector defaults */
  static NabStream stream(Map<String, String> settings, Algorithm algorithm, int shingle, long seed) {
    JsonObject packaged = PackagedDefaults.section("detector");
    JsonObject changes = new JsonObject();
    settings.forEach((key, value) -> changes.put(key, SettingFlags.typed(packaged.getValue(key), value)));
    DetectorOptions options = DetectorOptions.of(changes);
    SessionSettings defaults = options.sessionDefaults();
    return new NabStream(options, new SessionSettings(algorithm, defaults.bufferSize(), defaults.minSamples(),
        defaults.refitInterval(), defaults.contamination(), seed, shingle));
  }
}
