package io.anomalygateway.launcher.offline;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.launcher.SettingFlags;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.runtime.config.PackagedDefaults;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code nab --data DIR [--output DIR] [--algorithm A] [--shingle N] [--seed S] [--set key=value]}: streams every
 * series of the NAB corpus through a session, as the server would, writes NAB's results files and prints NAB's
 * scores per profile beside the published scoreboard, with the per-category breakdown. The defaults are the NAB
 * configuration: {@code random_cut_forest}, shingle 16, and the detector's packaged settings otherwise.
 */
@Command(name = "nab", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Streams every NAB series through a session, writes NAB's results files and prints the NAB "
        + "scores beside the published scoreboard.")
public final class NabCommand implements Callable<Integer> {

  /** The detector's name in the results' folder and file names, after NAB's {@code results/<detector>/}. */
  static final String DETECTOR = "anomalyGateway";

  @Spec
  CommandSpec spec;

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
  @Option(names = "--shingle", paramLabel = "N", defaultValue = "16",
      description = "the session's shingle_size (default ${DEFAULT-VALUE})")
  int shingle;
  @Option(names = "--seed", paramLabel = "S",
      description = "the session's seed (default: the detector's, as a new session gets it)")
  Long seed;
  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "a key of the detector section, e.g. rcf_z_factor=3.5 (repeatable)")
  Map<String, String> settings = new LinkedHashMap<>();
  @Option(names = "--threads", paramLabel = "N", description = "series streamed at once (default: the cores)")
  int threads = Runtime.getRuntime().availableProcessors();
  @Option(names = "--candidates", paramLabel = "FILE",
      description = "cross-validate a choice among configurations instead: a JSON array of {\"name\", "
          + "\"shingle\", \"set\": {detector keys}}, each chosen and thresholded on all categories but one and "
          + "scored on that one")
  Path candidates;

  @Override
  public Integer call() throws IOException {
    NabCorpus corpus = corpus();
    PrintWriter out = spec.commandLine().getOut();
    if (candidates != null) {
      crossValidate(corpus, out);
      out.flush();
      return 0;
    }
    NabStream stream = stream(settings, algorithm, shingle, seed);
    List<NabStream.Output> outputs = stream.run(corpus, threads);
    if (output != null) {
      for (NabStream.Output result : outputs) {
        String[] parts = result.series().key().split("/");
        result.write(output.resolve(DETECTOR).resolve(parts[0]).resolve(DETECTOR + "_" + parts[1]));
      }
    }
    out.printf(Locale.ROOT, "NAB corpus %s: %d series, %d rows, %d windows%n", dir, outputs.size(),
        outputs.stream().mapToInt(o -> o.series().rows()).sum(),
        outputs.stream().mapToInt(o -> o.scoring().windows()).sum());
    out.printf(Locale.ROOT, "Ours: %s, shingle %d, seed %d%s%n%n", algorithm.wireName(), shingle,
        stream.settings().seed(), settings.isEmpty() ? "" : ", " + settings);
    NabReport.of(corpus, outputs).print(out, "ours");
    if (output != null) {
      out.printf(Locale.ROOT, "%nResults files: %s%n", output.resolve(DETECTOR));
    }
    out.flush();
    return 0;
  }

  /** @return the corpus --data names, or a usage error saying what it lacks */
  private NabCorpus corpus() throws IOException {
    if (!Files.isDirectory(dir.resolve("data"))) {
      throw new ParameterException(spec.commandLine(), "--data " + dir + " has no data/ folder: name the folder of "
          + "NAB's corpus (data/, labels/combined_windows.json, config/profiles.json)");
    }
    try {
      return NabCorpus.read(dir);
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "--data " + dir + " lacks " + e.getFile());
    } catch (DecodeException e) {
      throw new ParameterException(spec.commandLine(), "--data " + dir + ": a labels or config file is not JSON: "
          + e.getMessage());
    }
  }

  private JsonArray candidateList() throws IOException {
    try {
      return new JsonArray(Files.readString(candidates));
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "--candidates " + candidates + " does not exist");
    } catch (DecodeException e) {
      throw new ParameterException(spec.commandLine(), "--candidates " + candidates
          + " is not a JSON array of {\"name\", \"shingle\", \"set\"}: " + e.getMessage());
    }
  }

  private void crossValidate(NabCorpus corpus, PrintWriter out) throws IOException {
    JsonArray list = candidateList();
    Map<String, List<NabStream.Output>> outputs = new LinkedHashMap<>();
    out.println("| candidate | " + String.join(" | ", corpus.profiles().stream().map(NabProfile::name).toList())
        + " |");
    out.println("|---" + "|---:".repeat(corpus.profiles().size()) + "|");
    for (int i = 0; i < list.size(); i++) {
      JsonObject candidate = list.getJsonObject(i);
      Map<String, String> changes = new LinkedHashMap<>();
      candidate.getJsonObject("set", new JsonObject())
          .forEach(setting -> changes.put(setting.getKey(), String.valueOf(setting.getValue())));
      String name = candidate.getString("name", "candidate " + (i + 1));
      List<NabStream.Output> run = stream(changes, algorithm, candidate.getInteger("shingle", shingle), seed)
          .run(corpus, threads);
      outputs.put(name, run);
      StringBuilder line = new StringBuilder("| " + name);
      NabReport.of(corpus, run).scores().values()
          .forEach(score -> line.append(String.format(Locale.ROOT, " | %.1f", score)));
      out.println(line.append(" |"));
    }
    out.println();
    new NabCrossValidation(corpus.categories(), outputs).print(out, corpus.profiles());
  }

  /** @return the stream of the session the flags describe, over the packaged detector defaults */
  static NabStream stream(Map<String, String> settings, Algorithm algorithm, int shingle, Long seed) {
    JsonObject packaged = PackagedDefaults.section("detector");
    JsonObject changes = new JsonObject();
    settings.forEach((key, value) -> changes.put(key, SettingFlags.typed(packaged.getValue(key), value)));
    DetectorOptions options = DetectorOptions.of(changes);
    SessionSettings defaults = options.sessionDefaults();
    return new NabStream(options, new SessionSettings(algorithm, defaults.bufferSize(), defaults.minSamples(),
        defaults.refitInterval(), defaults.contamination(), seed == null ? defaults.seed() : seed, shingle));
  }
}
