package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.cluster.Presence;
import io.anomalygateway.runtime.cluster.PresenceBeacon;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router on a real event bus, with instances that announce themselves through real beacons and answer on their
 * own addresses (one that answers, one that never does, as a killed process would not).
 */
@ExtendWith(VertxExtension.class)
class SessionRouterTest {

  private static final String ADDRESS = Addresses.DETECTOR_STATS;
  private static final long TIMEOUT = 30_000;

  @Test
  void sendsEverySessionToItsOwnerOnly(Vertx vertx, VertxTestContext test) {
    // Everything on one context, as the directory and the router expect.
    vertx.runOnContext(start -> {
      List<String> answeredBy = new ArrayList<>();
      InstanceDirectory directory = new InstanceDirectory(vertx, ClusterOptions.defaults());
      SessionRouter router = new SessionRouter(vertx.eventBus(), directory, TIMEOUT, 3,
          new Circuits(vertx, CircuitOptions.defaults()));
      directory.start()
          .compose(v -> instance(vertx, "a", "node-a", true, answeredBy))
          .compose(v -> instance(vertx, "b", "node-b", true, answeredBy))
          .compose(v -> until(vertx, () -> directory.members(Service.DETECTOR).instances().size() == 2))
          .compose(v -> router.request(Service.DETECTOR, ADDRESS, "s1", "hello"))
          .compose(v -> router.request(Service.DETECTOR, ADDRESS, "s1", "hello"))
          .onComplete(test.succeeding(reply -> test.verify(() -> {
            assertThat(answeredBy).hasSize(2).containsOnly(directory.owner(Service.DETECTOR, "s1"));
            test.completeNow();
          })));
    });
  }

  @Test
  void aRequestToAnInstanceWhoseNodeLeftIsAnsweredByTheNewOwner(Vertx vertx, VertxTestContext test) {
    // Everything on one context, as the directory and the router expect.
    vertx.runOnContext(start -> {
      List<String> answeredBy = new ArrayList<>();
      InstanceDirectory directory = new InstanceDirectory(vertx, ClusterOptions.defaults());
      SessionRouter router = new SessionRouter(vertx.eventBus(), directory, TIMEOUT, 3,
          new Circuits(vertx, CircuitOptions.defaults()));
      directory.start()
          .compose(v -> instance(vertx, "mute", "node-mute", false, answeredBy))
          .compose(v -> until(vertx, () -> !directory.members(Service.DETECTOR).isEmpty()))
          .compose(v -> {
            Future<Object> reply = router.request(Service.DETECTOR, ADDRESS, "s1", "hello");
            instance(vertx, "alive", "node-alive", true, answeredBy)
                .compose(id -> until(vertx, () -> directory.members(Service.DETECTOR).instances().size() == 2))
                .onSuccess(ready -> vertx.eventBus().publish(Addresses.NODE_LEFT, "node-mute",
                    new DeliveryOptions().setLocalOnly(true)));
            return reply;
          })
          .onComplete(test.succeeding(reply -> test.verify(() -> {
            assertThat(reply).isEqualTo("alive");
            assertThat(router.retries()).isEqualTo(1);
            test.completeNow();
          })));
    });
  }

  @Test
  void withNoInstanceLeftARequestFailsAsUnreachableWithinTheTimeout(Vertx vertx, VertxTestContext test) {
    // Everything on one context, as the directory and the router expect.
    vertx.runOnContext(start -> {
      InstanceDirectory directory = new InstanceDirectory(vertx, ClusterOptions.defaults());
      SessionRouter router = new SessionRouter(vertx.eventBus(), directory, 200, 3,
          new Circuits(vertx, CircuitOptions.defaults()));
      directory.start()
          .compose(v -> instance(vertx, "mute", "node-mute", false, new ArrayList<>()))
          .compose(v -> until(vertx, () -> !directory.members(Service.DETECTOR).isEmpty()))
          .compose(v -> {
            Future<Object> reply = router.request(Service.DETECTOR, ADDRESS, "s1", "hello");
            vertx.eventBus().publish(Addresses.NODE_LEFT, "node-mute", new DeliveryOptions().setLocalOnly(true));
            return reply;
          })
          .onComplete(test.failing(failure -> test.verify(() -> {
            assertThat(failure).isInstanceOf(ReplyException.class);
            assertThat(((ReplyException) failure).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
            test.completeNow();
          })));
    });
  }

  @Test
  void afterAnInstanceStalledItsRequestsAreRefusedAtOnceWithARetryDelay(Vertx vertx, VertxTestContext test) {
    // Everything on one context, as the directory and the router expect.
    vertx.runOnContext(start -> {
      InstanceDirectory directory = new InstanceDirectory(vertx, ClusterOptions.defaults());
      SessionRouter router = new SessionRouter(vertx.eventBus(), directory, TIMEOUT, 3, new Circuits(vertx,
          new CircuitOptions(2, Duration.ofMillis(200), Duration.ofSeconds(30))));
      long[] refusedAfter = new long[1];
      directory.start()
          .compose(v -> instance(vertx, "stalled", "node-stalled", false, new ArrayList<>()))
          .compose(v -> until(vertx, () -> !directory.members(Service.DETECTOR).isEmpty()))
          .compose(v -> router.request(Service.DETECTOR, ADDRESS, "s1", "hello").otherwiseEmpty())
          .compose(v -> router.request(Service.DETECTOR, ADDRESS, "s1", "hello").otherwiseEmpty())
          .compose(v -> {
            long sent = System.nanoTime();
            return router.request(Service.DETECTOR, ADDRESS, "s1", "hello")
                .onComplete(done -> refusedAfter[0] = System.nanoTime() - sent);
          })
          .onComplete(test.failing(failure -> test.verify(() -> {
            assertThat(failure).isInstanceOf(ProtocolException.class);
            ProtocolError error = ((ProtocolException) failure).error();
            assertThat(error.code()).isEqualTo(ErrorCode.DETECTOR_UNAVAILABLE);
            assertThat(error.retryAfterMillis()).isEqualTo(30_000);
            assertThat(refusedAfter[0]).isLessThan(150_000_000L);
            test.completeNow();
          })));
    });
  }

  /** An instance on its own address; a mute one takes requests and never answers. */
  private static Future<String> instance(Vertx vertx, String id, String node, boolean answers, List<String> log) {
    vertx.eventBus().<String>consumer(Addresses.ofInstance(ADDRESS, id), message -> {
      if (answers) {
        log.add(id);
        message.reply(id);
      }
    });
    return vertx.deployVerticle(new PresenceBeacon(new Presence(Service.DETECTOR, id, node, false),
        ClusterOptions.defaults(), vertx.getOrCreateContext(), () -> { }));
  }

  private static Future<Void> until(Vertx vertx, BooleanSupplier condition) {
    Promise<Void> promise = Promise.promise();
    vertx.setPeriodic(5, timer -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(timer);
        promise.complete();
      }
    });
    return promise.future();
  }
}
