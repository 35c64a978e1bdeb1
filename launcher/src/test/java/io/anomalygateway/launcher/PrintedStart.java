package io.anomalygateway.launcher;

import java.util.regex.Pattern;

/**
 * What the server prints when it has started, as a user reads it off the terminal: the port it listens on, the
 * producer token, and the dashboard URL with its viewer token for session {@code demo}.
 *
 * @param port the port (the server was started with {@code --port 0})
 * @param producerToken the printed producer token, for any session
 * @param dashboardUrl the printed dashboard URL, exactly
 */
record PrintedStart(int port, String producerToken, String dashboardUrl) {

  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
  private static final Pattern PRODUCER = Pattern.compile("producer token \\(any session, 24 h\\): (\\S+)");
  private static final Pattern DASHBOARD = Pattern.compile("dashboard \\(viewer of session demo, 24 h\\): +(\\S+)");

  /** Waits for the server's start lines (a minute for the start, then seconds for the rest). */
  static PrintedStart of(NodeProcess server) {
    int port = Integer.parseInt(server.await(LISTENING, 60).group(1));
    return new PrintedStart(port, server.await(PRODUCER, 10).group(1), server.await(DASHBOARD, 10).group(1));
  }
}
