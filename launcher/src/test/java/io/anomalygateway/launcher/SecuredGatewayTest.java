package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Starts the real verticles with authentication on: HS256 with {@link Tokens#SECRET}, and RS256 with
 * {@link Tokens#RSA}'s public key, as an identity provider's tokens would be trusted.
 */
abstract class SecuredGatewayTest extends EmbeddedGatewayTest {

  @Override
  protected JsonObject security() {
    return new JsonObject().put("auth_enabled", true).put("jwt_secret", Tokens.SECRET)
        .put("jwt_public_keys", new JsonArray().add(new JsonObject().put("algorithm", "RS256")
            .put("pem", Tokens.rsaPublicPem())));
  }
}
