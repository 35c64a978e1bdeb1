package io.anomalygateway.launcher;

import io.anomalygateway.launcher.offline.DriftEvaluationCommand;
import io.anomalygateway.launcher.offline.NabCommand;
import io.anomalygateway.launcher.offline.ScoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/**
 * {@code java -jar anomaly-gateway.jar [COMMAND] [OPTIONS]}: one launcher for the server and its tools. Without a
 * command, or with options only, it runs {@code serve}, so that the documented start lines keep working.
 */
@Command(name = "anomaly-gateway", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "A Vert.x event-bus gateway for real-time anomaly detection.",
    subcommands = {ServeCommand.class, TokenCommand.class, ConfigCommand.class, ScoreCommand.class,
        NabCommand.class, DriftEvaluationCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * @param args a command and its options, or the options of {@code serve}
   */
  public static void main(String[] args) {
    CommandLine line = commandLine();
    int code = line.execute(withDefaultCommand(line, args));
    line.getOut().flush();
    line.getErr().flush();
    CommandLine.ParseResult parsed = line.getParseResult();
    boolean serving = code == 0 && parsed != null && parsed.subcommand() != null
        && "serve".equals(parsed.subcommand().commandSpec().name()) && !parsed.subcommand().isUsageHelpRequested();
    if (!serving) {
      System.exit(code);
    }
  }

  /** @return the launcher's command line: a usage mistake exits with 2, a refused setting too */
  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler((e, line, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            line.getErr().println(e.getMessage());
            return 2;
          }
          throw e;
        });
  }

  /** Options without a command are {@code serve}'s, as they were before there were commands. */
  static String[] withDefaultCommand(CommandLine line, String[] args) {
    if (args.length > 0 && (line.getSubcommands().containsKey(args[0]) || OWN_OPTIONS.contains(args[0]))) {
      return args;
    }
    String[] serve = new String[args.length + 1];
    serve[0] = "serve";
    System.arraycopy(args, 0, serve, 1, args.length);
    return serve;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version the jar was built as. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"anomaly-gateway " + (version == null ? "(development build)" : version)};
    }
  }
}
