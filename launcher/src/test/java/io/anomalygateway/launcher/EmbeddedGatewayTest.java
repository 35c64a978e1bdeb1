package io.anomalygateway.launcher;

import io.anomalygateway.gateway.GatewayVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the real verticles, as {@code java -jar anomaly-gateway.jar} does, on a free port of the loopback
 * interface, with the packaged configuration and each test class's changes to it. Authentication is off (as with
 * {@code --no-auth}) unless a test class turns it on.
 */
@ExtendWith(VertxExtension.class)
abstract class EmbeddedGatewayTest {

  protected Vertx vertx;
  protected int port;
  /** The gateway verticle itself, for what only it knows (e.g. the TCP bridge's port). */
  protected GatewayVerticle gatewayVerticle;

  /** @return changes to the packaged configuration, as {@code {"gateway": {...}, "detector": {...}}} */
  protected JsonObject configChanges() {
    return new JsonObject();
  }

  /** @return the {@code security} section: authentication off, as with {@code --no-auth} */
  protected JsonObject security() {
    return new JsonObject().put("auth_enabled", false);
  }

  @BeforeEach
  void startGateway(Vertx vertx, VertxTestContext test) {
    this.vertx = vertx;
    JsonObject config = TestConfiguration.defaults()
        .mergeIn(new JsonObject().put("gateway", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
            .put("security", security()), true)
        .mergeIn(configChanges(), true);
    Deployment.embedded(vertx, config).onComplete(test.succeeding(gateway -> {
      port = gateway.actualPort();
      gatewayVerticle = gateway;
      test.completeNow();
    }));
  }

  protected TestSocket open(String sessionId) {
    return TestSocket.open(vertx, port, sessionId);
  }
}
