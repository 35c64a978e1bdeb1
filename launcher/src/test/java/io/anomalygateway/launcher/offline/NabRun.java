package io.anomalygateway.launcher.offline;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code nab} command line, as a user would type it, with what it printed.
 *
 * @param exitCode the command's exit code
 * @param printed what it printed on its standard output
 * @param errors what it printed on its standard error
 */
record NabRun(int exitCode, String printed, String errors) {

  static NabRun of(String... args) {
    CommandLine line = new CommandLine(new NabCommand());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    int exitCode = line.execute(args);
    return new NabRun(exitCode, out.toString(), err.toString());
  }
}
