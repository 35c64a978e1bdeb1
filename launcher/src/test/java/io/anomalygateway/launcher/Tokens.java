package io.anomalygateway.launcher;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Tokens minted outside the project, with Auth0's java-jwt: what an identity provider or another service would
 * send.
 */
public final class Tokens {

  /** The HS256 secret the secured test servers use. */
  public static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!";
  /** An RSA key pair whose public half the secured test servers trust (RS256). */
  public static final KeyPair RSA = rsa();

  private Tokens() {
  }

  /** @return a token signed with {@link #SECRET}, valid for an hour */
  public static String hs256(String subject, List<String> roles, List<String> sessions) {
    return sign(claims(subject, roles, sessions, Instant.now().plusSeconds(3600)), Algorithm.HMAC256(SECRET));
  }

  /** @return a token signed with {@link #SECRET} that expires in {@code seconds} */
  public static String expiringIn(long seconds, String subject, List<String> roles, List<String> sessions) {
    return sign(claims(subject, roles, sessions, Instant.now().plusSeconds(seconds)), Algorithm.HMAC256(SECRET));
  }

  /** @return a token signed with another secret */
  public static String otherKey(String subject, List<String> roles) {
    return sign(claims(subject, roles, null, Instant.now().plusSeconds(3600)),
        Algorithm.HMAC256("another-secret-of-at-least-thirty-two-bytes"));
  }

  /** @return a token that expired a minute ago */
  public static String expired(String subject, List<String> roles) {
    return sign(claims(subject, roles, null, Instant.now().minusSeconds(60)), Algorithm.HMAC256(SECRET));
  }

  /** @return a token signed by {@link #RSA}'s private key (RS256) */
  public static String rs256(String subject, List<String> roles) {
    return sign(claims(subject, roles, null, Instant.now().plusSeconds(3600)),
        Algorithm.RSA256((RSAPublicKey) RSA.getPublic(), (RSAPrivateKey) RSA.getPrivate()));
  }

  /** @return {@link #RSA}'s public key in PEM */
  public static String rsaPublicPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(RSA.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** @return an unsigned token ({@code alg: none}) claiming the admin role */
  public static String unsigned(String subject) {
    return sign(claims(subject, List.of("admin"), null, Instant.now().plusSeconds(3600)), Algorithm.none());
  }

  /** @return a valid token whose payload was rewritten to claim the admin role, keeping the old signature */
  public static String forgedRoles(String subject) {
    String[] parts = hs256(subject, List.of("viewer"), null).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"viewer\"", "\"admin\"");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
        + parts[2];
  }

  private static JWTCreator.Builder claims(String subject, List<String> roles, List<String> sessions,
                                           Instant expires) {
    JWTCreator.Builder builder = JWT.create().withSubject(subject).withClaim("roles", roles).withExpiresAt(expires);
    return sessions == null ? builder : builder.withClaim("sessions", sessions);
  }

  private static String sign(JWTCreator.Builder builder, Algorithm algorithm) {
    return builder.sign(algorithm);
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
