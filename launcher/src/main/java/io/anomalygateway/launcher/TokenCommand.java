package io.anomalygateway.launcher;

import io.anomalygateway.gateway.security.Role;
import io.anomalygateway.gateway.security.TokenIssuer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * {@code token --role R --sub NAME [--sessions a,b*] [--ttl 1h] [--config FILE]}: mints a token with the configured
 * secret ({@code security.jwt_secret} or {@code ANOMALY_JWT_SECRET}).
 */
final class TokenCommand {

  private TokenCommand() {
  }

  static int run(String[] args, PrintStream out) {
    Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
    Role role = null;
    String subject = null;
    List<String> sessions = null;
    long ttl = 3600;
    Path config = null;
    try {
      while (!queue.isEmpty()) {
        String flag = queue.poll();
        String value = queue.poll();
        if (value == null) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        switch (flag) {
          case "--role" -> role = Role.ofClaim(value);
          case "--sub" -> subject = value;
          case "--sessions" -> sessions = Arrays.asList(value.split(","));
          case "--ttl" -> ttl = seconds(value);
          case "--config" -> config = Path.of(value);
          default -> throw new IllegalArgumentException("Unknown argument: " + flag);
        }
      }
      if (role == null || subject == null) {
        throw new IllegalArgumentException("--role (viewer, producer or admin) and --sub are required");
      }
      JsonObject security = Configuration.load(config).getJsonObject("security", new JsonObject());
      Secrets.resolve(security, false);
      String secret = security.getString("jwt_secret");
      if (secret == null) {
        throw new IllegalArgumentException("No secret: set " + Secrets.ENVIRONMENT + " (the one the server uses)");
      }
      Vertx vertx = Vertx.vertx();
      try {
        out.println(new TokenIssuer(vertx, secret).mint(subject, role, sessions, ttl));
      } finally {
        vertx.close();
      }
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LaunchOptions.USAGE);
      return 2;
    }
  }

  /** {@code 90}, {@code 90s}, {@code 30m}, {@code 12h} or {@code 7d}. */
  static long seconds(String text) {
    char unit = text.charAt(text.length() - 1);
    long multiplier = switch (unit) {
      case 's' -> 1;
      case 'm' -> 60;
      case 'h' -> 3600;
      case 'd' -> 86400;
      default -> 0;
    };
    try {
      long amount = Long.parseLong(multiplier == 0 ? text : text.substring(0, text.length() - 1));
      if (amount <= 0) {
        throw new NumberFormatException();
      }
      return amount * Math.max(1, multiplier);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--ttl must be like 90s, 30m, 12h or 7d");
    }
  }
}
