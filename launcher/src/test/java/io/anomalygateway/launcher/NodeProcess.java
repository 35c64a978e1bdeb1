package io.anomalygateway.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar in a separate JVM, as a user or a cluster node runs it: its output is kept in a log file and read
 * line by line so that a test can wait for what it prints (its port, its tokens, its readiness) without sleeping.
 */
public final class NodeProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final List<String> lines = new ArrayList<>();

  private NodeProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::copyOutput, "output-of-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * @param name a name for the log file and messages
   * @param jar the launcher's fat jar
   * @param logs where the log file goes
   * @param args the jar's arguments
   */
  public static NodeProcess start(String name, Path jar, Path logs, List<String> args) {
    return start(name, jar, logs, args, Map.of());
  }

  /**
   * @param environment variables added to this process's environment (e.g. {@code ANOMALY_JWT_SECRET})
   */
  public static NodeProcess start(String name, Path jar, Path logs, List<String> args,
                                  Map<String, String> environment) {
    return start(name, jar, logs, "256m", args, environment);
  }

  /**
   * @param heap the JVM's maximum heap ({@code -Xmx}), e.g. {@code 512m}
   */
  public static NodeProcess start(String name, Path jar, Path logs, String heap, List<String> args,
                                  Map<String, String> environment) {
    return start(List.of(), name, jar, logs, heap, args, environment);
  }

  /**
   * @param prefix what runs the JVM, e.g. {@code ip netns exec NS} to start it in a network namespace
   */
  public static NodeProcess start(List<String> prefix, String name, Path jar, Path logs, String heap,
                                  List<String> args, Map<String, String> environment) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(javaExecutable(), "-Xmx" + heap, "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    command.addAll(args);
    try {
      Files.createDirectories(logs);
      // Each process starts in an empty folder of its own: its data directory (session snapshots) is never another
      // test's. A restart that must find its state again names its data directory itself.
      Path workDir = Files.createTempDirectory(logs.toAbsolutePath(), name + "-work");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      return new NodeProcess(name, process, logs.resolve(name + ".log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void copyOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process died: what it printed so far stays in the log.
    }
  }

  /**
   * Waits for a line matching the pattern, at most {@code seconds}.
   *
   * @return the match, for its groups
   * @throws AssertionError when the process exits or the time runs out first
   */
  public Matcher await(Pattern pattern, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          Matcher matcher = pattern.matcher(lines.get(seen));
          if (matcher.find()) {
            return matcher;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !process.isAlive() && seen == lines.size()) {
          throw new AssertionError(name + " never printed /" + pattern + "/ (exited: " + !process.isAlive()
              + "); see " + log);
        }
        try {
          lines.wait(Math.min(left, 200));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /**
   * Sends a signal, as {@code kill -SIGNAL pid} would: {@code STOP} freezes the process (a stall: alive, silent),
   * {@code CONT} lets it go on.
   */
  public void signal(String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The {@code kill -9} of a crash: no shutdown hook, no goodbye, no last snapshot. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM, as {@code docker stop} or Kubernetes sends it: the node shuts down gracefully. */
  public void terminate() {
    process.destroy();
  }

  /** @return whether the process exited within {@code seconds} */
  public boolean awaitExit(long seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** @return every line printed so far (standard output and error together) */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** @return the exit code, once the process has exited (see {@link #awaitExit}) */
  public int exitValue() {
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  private void waitForExit() {
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
