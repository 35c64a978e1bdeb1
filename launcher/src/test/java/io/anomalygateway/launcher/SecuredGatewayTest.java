package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the real verticles with authentication on: HS256 with {@link Tokens#SECRET}, and RS256 with
 * {@link Tokens#RSA}'s public key, as an identity provider's tokens would be trusted.
 */
@ExtendWith(VertxExtension.class)
abstract class SecuredGatewayTest {

  protected Vertx vertx;
  protected int port;
  /** The gateway verticle itself, for what only it knows (e.g. the TCP bridge's port). */
  protected io.anomalygateway.gateway.GatewayVerticle gatewayVerticle;

  /** @return changes to the configuration of the test server */
  protected JsonObject configChanges() {
    return new JsonObject();
  }

  @BeforeEach
  void startSecuredGateway(Vertx vertx, VertxTestContext test) {
    this.vertx = vertx;
    JsonObject config = TestConfiguration.defaults()
        .mergeIn(new JsonObject()
            .put("gateway", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
            .put("security", new JsonObject().put("auth_enabled", true).put("jwt_secret", Tokens.SECRET)
                .put("jwt_public_keys", new JsonArray().add(new JsonObject().put("algorithm", "RS256")
                    .put("pem", Tokens.rsaPublicPem())))), true)
        .mergeIn(configChanges(), true);
    Deployment.embedded(vertx, config).onComplete(test.succeeding(gateway -> {
      port = gateway.actualPort();
      gatewayVerticle = gateway;
      test.completeNow();
    }));
  }
}
