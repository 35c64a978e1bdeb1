package io.anomalygateway.gateway.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of authentication, authorisation and limits: the {@code security} section of the configuration.
 *
 * @param authEnabled whether tokens are required
 * @param jwtSecret the HS256 secret tokens are signed with, or {@code null}
 * @param jwtPublicKeys public keys of other issuers
 * @param allowedOrigins browser origins allowed besides the server's own
 * @param rateLimits the rates each role may send at, by role claim
 * @param connectionsPerIpPerMinute connection attempts one IP address may make per minute
 * @param maxConnectionsPerIp open connections per IP address
 * @param maxSessionsPerToken sessions one token may have open at once
 * @param floodCloseAfter sustained flooding after which a connection is closed with 1008
 */
public record SecurityOptions(
    @JsonPropertyDescription("whether tokens are required (`--no-auth` turns it off, on loopback only)")
    boolean authEnabled,
    @JsonPropertyDescription("the HS256 secret tokens are signed with, at least 32 bytes (better: the "
        + "`ANOMALY_JWT_SECRET` environment variable); generated for the run when absent")
    String jwtSecret,
    @JsonPropertyDescription("public keys of other issuers: `{\"algorithm\": \"RS256\", \"pem\": \"...\"}` each")
    @NotNull List<@Valid PublicKey> jwtPublicKeys,
    @JsonPropertyDescription("browser origins allowed besides the server's own")
    @NotNull List<@NotBlank String> allowedOrigins,
    @JsonPropertyDescription("messages and samples per second each role may send, per connection")
    @NotNull Map<String, @Valid @NotNull RateLimit> rateLimits,
    @JsonPropertyDescription("connection attempts one IP address may make per minute")
    @Min(1) int connectionsPerIpPerMinute,
    @JsonPropertyDescription("open connections per IP address")
    @Min(1) int maxConnectionsPerIp,
    @JsonPropertyDescription("sessions one token may have open at once")
    @Min(1) int maxSessionsPerToken,
    @JsonPropertyDescription("sustained flooding after which a connection is closed with 1008")
    @DurationMin(millis = 1, message = "must be positive") Duration floodCloseAfter) {

  /** Smallest accepted HS256 secret, in bytes (vertx-auth-jwt accepts any). */
  public static final int MIN_SECRET_BYTES = 32;

  /**
   * A public key of another token issuer.
   *
   * @param algorithm e.g. {@code RS256} or {@code ES256}
   * @param pem the key in PEM form
   */
  public record PublicKey(@NotBlank String algorithm, @NotBlank String pem) {
  }

  /**
   * @param secret an HS256 secret
   * @throws IllegalArgumentException when it is shorter than {@link #MIN_SECRET_BYTES}
   */
  public static void checkSecret(String secret) {
    if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("The JWT secret must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
  }

  /** A short secret can be guessed offline from any token. */
  @JsonIgnore
  @AssertTrue(message = "jwt_secret must be at least 32 bytes long")
  public boolean isSecretLongEnough() {
    return jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
  }

  /** Every role has its rates, and nothing else is there to be mistaken for one. */
  @JsonIgnore
  @AssertTrue(message = "rate_limits needs exactly the roles viewer, producer and admin")
  public boolean isEveryRoleLimited() {
    return rateLimits == null || rateLimits.keySet().equals(
        Set.copyOf(Arrays.stream(Role.values()).map(Role::claim).toList()));
  }

  /**
   * @param role a role
   * @return the rates that role may send at
   */
  public RateLimit rateLimit(Role role) {
    return rateLimits.get(role.claim());
  }
}
