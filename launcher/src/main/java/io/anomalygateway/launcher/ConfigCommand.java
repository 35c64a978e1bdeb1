package io.anomalygateway.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code config [--config FILE] [--set section.key=value] [--explain | --reference]}: checks a configuration as
 * {@code serve} would, without starting anything, and prints the effective settings, where each comes from, or the
 * reference of every key.
 */
@Command(name = "config", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Checks the configuration as serve would and prints it, where each value comes from "
        + "(--explain), or the reference of every key (--reference).")
final class ConfigCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration laid over the defaults")
  Path config;
  @Option(names = "--set", paramLabel = "SECTION.KEY=VALUE", description = "one setting (repeatable)")
  Map<String, String> settings = new LinkedHashMap<>();
  @Option(names = "--explain", description = "each key's value and the layer it comes from")
  boolean explain;
  @Option(names = "--reference", description = "the Markdown reference of every key (docs/configuration.md)")
  boolean reference;

  /** The environment laid over the file; a test may give its own. */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    if (reference) {
      spec.commandLine().getOut().print(ConfigReference.markdown());
      return 0;
    }
    LayeredConfiguration layered = Configuration.load(config, env,
        SettingFlags.apply(new io.vertx.core.json.JsonObject(), settings));
    if (explain) {
      spec.commandLine().getOut().print(layered.explain());
    } else {
      io.vertx.core.json.JsonObject shown = layered.effective().copy();
      if (shown.getJsonObject("security").getValue("jwt_secret") != null) {
        shown.getJsonObject("security").put("jwt_secret", "(set)");
      }
      spec.commandLine().getOut().println(shown.encodePrettily());
    }
    return 0;
  }
}
