package io.anomalygateway.launcher;

import io.anomalygateway.gateway.security.Role;
import io.anomalygateway.gateway.security.TokenIssuer;
import io.anomalygateway.runtime.config.DurationText;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code token --role R --sub NAME [--sessions a,b*] [--ttl 1h] [--config FILE]}: mints a token with the configured
 * secret ({@code security.jwt_secret} or {@code ANOMALY_JWT_SECRET}), as the server will verify it.
 */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Mints a token with the server's secret (security.jwt_secret or " + Secrets.ENVIRONMENT + ").")
final class TokenCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleClaim.class,
      description = "viewer, producer or admin")
  Role role;
  @Option(names = "--sub", required = true, paramLabel = "NAME", description = "who the token is for")
  String subject;
  @Option(names = "--sessions", paramLabel = "LIST", split = ",",
      description = "sessions the token may use; a trailing * matches a prefix (default: any)")
  List<String> sessions;
  @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "1h", converter = Lifetime.class,
      description = "how long the token is valid: 90s, 30m, 12h or 7d (default ${DEFAULT-VALUE})")
  Duration ttl;
  @Option(names = "--config", paramLabel = "FILE", description = "the server's configuration file, for its secret")
  Path config;

  @Override
  public Integer call() {
    JsonObject security = Configuration.load(config, System.getenv(), new JsonObject()).effective()
        .getJsonObject("security");
    Secrets.resolve(security, false);
    String secret = security.getString("jwt_secret");
    if (secret == null) {
      throw new IllegalArgumentException("No secret: set " + Secrets.ENVIRONMENT + " (the one the server uses)");
    }
    Vertx vertx = Vertx.vertx();
    try {
      spec.commandLine().getOut().println(new TokenIssuer(vertx, secret).mint(subject, role, sessions,
          ttl.toSeconds()));
    } finally {
      vertx.close();
    }
    return 0;
  }

  /** A role's claim. */
  static final class RoleClaim implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
      return Role.ofClaim(value);
    }
  }

  /** A lifetime: the configuration's durations, plus days, and at least a second. */
  static final class Lifetime implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration ttl = value.endsWith("d") && value.length() > 1
          ? Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)))
          : DurationText.parse(value.matches("\\d+") ? value + "s" : value);
      if (ttl.toSeconds() < 1) {
        throw new IllegalArgumentException("--ttl must be at least a second, like 90s, 30m, 12h or 7d");
      }
      return ttl;
    }
  }
}
