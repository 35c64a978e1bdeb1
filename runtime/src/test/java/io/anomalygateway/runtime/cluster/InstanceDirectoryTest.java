package io.anomalygateway.runtime.cluster;

import io.anomalygateway.protocol.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory on a real (local) event bus, fed by real beacons. */
@ExtendWith(VertxExtension.class)
class InstanceDirectoryTest {

  private final ClusterOptions options = ClusterOptions.defaults();

  @Test
  void learnsOfAnInstanceThatStartedBeforeIt(Vertx vertx, VertxTestContext test) {
    // Everything on one context, as the directory and the router expect.
    vertx.runOnContext(start -> {
      beacon(vertx, Service.DETECTOR, "d1", "node-1").compose(id -> {
        InstanceDirectory directory = new InstanceDirectory(vertx, options);
        return directory.start().compose(v -> directory.awaitAny(Service.DETECTOR, 5_000)).map(v -> directory);
      }).onComplete(test.succeeding(directory -> test.verify(() -> {
        assertThat(directory.owner(Service.DETECTOR, "any")).isEqualTo("d1");
        assertThat(directory.owner(Service.DRIFT, "any")).isNull();
        test.completeNow();
      })));
    });
  }

  @Test
  void forgetsAnInstanceThatSaysGoodbye(Vertx vertx, VertxTestContext test) {
    // Everything on one context, as the directory and the router expect.
    vertx.runOnContext(start -> {
      InstanceDirectory directory = new InstanceDirectory(vertx, options);
      List<String> lost = new ArrayList<>();
      directory.onLoss(lost::add);
      directory.onChange((service, members) -> {
        if (members.isEmpty()) {
          test.verify(() -> assertThat(lost).as("a goodbye is not a loss").isEmpty());
          test.completeNow();
        }
      });
      directory.start()
          .compose(v -> beacon(vertx, Service.DRIFT, "x1", "node-1"))
          .compose(id -> directory.awaitAny(Service.DRIFT, 5_000).map(id))
          .compose(vertx::undeploy)
          .onFailure(test::failNow);
    });
  }

  @Test
  void losesEveryInstanceOfANodeThatLeft(Vertx vertx, VertxTestContext test) {
    // Everything on one context, as the directory and the router expect.
    vertx.runOnContext(start -> {
      InstanceDirectory directory = new InstanceDirectory(vertx, options);
      List<String> lost = new ArrayList<>();
      directory.onLoss(lost::add);
      directory.start()
          .compose(v -> beacon(vertx, Service.DETECTOR, "d1", "node-1"))
          .compose(v -> beacon(vertx, Service.DETECTOR, "d2", "node-2"))
          .compose(v -> beacon(vertx, Service.ALERTS, "a1", "node-1"))
          .onComplete(test.succeeding(v -> vertx.setPeriodic(20, timer -> {
            if (directory.members(Service.DETECTOR).instances().size() == 2
                && !directory.members(Service.ALERTS).isEmpty()) {
              vertx.cancelTimer(timer);
              vertx.eventBus().publish(Addresses.NODE_LEFT, "node-1", new DeliveryOptions().setLocalOnly(true));
              until(vertx, () -> lost.size() == 2).onComplete(test.succeeding(done -> test.verify(() -> {
                assertThat(lost).containsExactlyInAnyOrder("d1", "a1");
                assertThat(directory.members(Service.DETECTOR).instances()).containsExactly("d2");
                assertThat(directory.owner(Service.ALERTS, "s")).isNull();
                test.completeNow();
              })));
            }
          })));
    });
  }

  @Test
  void aWaitForAnInstanceFailsAsUnreachableWhenNoneComes(Vertx vertx, VertxTestContext test) {
    // Everything on one context, as the directory and the router expect.
    vertx.runOnContext(start -> {
      InstanceDirectory directory = new InstanceDirectory(vertx, options);
      directory.start().compose(v -> directory.awaitAny(Service.DRIFT, 50))
          .onComplete(test.failing(failure -> test.verify(() -> {
            assertThat(failure).isInstanceOf(ReplyException.class);
            assertThat(((ReplyException) failure).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
            assertThat(failure.getMessage()).doesNotContain("anomaly.");
            test.completeNow();
          })));
    });
  }

  /** Completes once the condition holds, checking every few milliseconds. */
  private static io.vertx.core.Future<Void> until(Vertx vertx, java.util.function.BooleanSupplier condition) {
    io.vertx.core.Promise<Void> promise = io.vertx.core.Promise.promise();
    vertx.setPeriodic(5, timer -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(timer);
        promise.complete();
      }
    });
    return promise.future();
  }

  private io.vertx.core.Future<String> beacon(Vertx vertx, Service service, String id, String node) {
    return vertx.deployVerticle(new PresenceBeacon(new Presence(service, id, node, false), options,
        vertx.getOrCreateContext(), () -> { }));
  }
}
