package io.anomalygateway.protocol;

import java.util.regex.Pattern;

/**
 * What a session, client or request id may be: 1 to {@code max_id_length} letters, digits or {@code . _ : ~ -}, so
 * that an id is safe in a URL path, an event-bus address and a log line alike.
 */
public final class Identifiers {

  /** The characters an id is made of. */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:~-]+");
  /** The longest id a server with the default {@code max_id_length} accepts. */
  public static final int DEFAULT_MAX_LENGTH = 256;
  /** The rule, for messages. */
  public static final String RULE = "letters, digits or . _ : ~ -";

  private Identifiers() {
  }

  /**
   * @param id a candidate id, or {@code null}
   * @param maxLength the longest accepted
   * @return whether it is a valid id
   */
  public static boolean isValid(String id, int maxLength) {
    return id != null && !id.isEmpty() && id.length() <= maxLength && PATTERN.matcher(id).matches();
  }
}
