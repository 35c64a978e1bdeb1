package io.anomalygateway.detector;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.protocol.bus.DriftObservations;
import io.anomalygateway.protocol.bus.ScoreCommand;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.ScoreSummaries;
import io.anomalygateway.protocol.bus.Verdict;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Observations of what was scored reach the drift and alerts instances that own each session, coalesced. */
class ScoreAnnouncerTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<DriftObservations> drift = new CopyOnWriteArrayList<>();
  private final List<ScoreSummaries> alerts = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void requestsScoredInOneTurnReachEachObserverAsOneBatchInTheirOrder() throws Exception {
    CompletableFuture<Void> both = observe(1, 1);
    announceInOneTurn((service, session) -> "one", 5, i -> command("s-" + (i % 2), i), i -> i == 3);
    both.get(10, TimeUnit.SECONDS);
    assertThat(drift).singleElement().satisfies(batch -> {
      assertThat(batch.observations()).extracting(o -> o.samples().value(0, 0))
          .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
      assertThat(batch.observations()).extracting(o -> o.sessionId())
          .containsExactly("s-0", "s-1", "s-0", "s-1", "s-0");
      assertThat(batch.observations().get(3).scores()).containsExactly(0.9);
    });
    assertThat(alerts).singleElement().satisfies(batch ->
        assertThat(batch.summaries()).extracting(s -> s.anomalies()).containsExactly(0, 0, 0, 1, 0));
  }

  @Test
  void aLoneRequestIsAnnouncedWhenItsTurnEndsWithoutWaitingForMore() throws Exception {
    CompletableFuture<Void> both = observe(1, 1);
    announceInOneTurn((service, session) -> "one", 1, i -> command("s", 7), i -> false);
    both.get(10, TimeUnit.SECONDS);
    assertThat(drift.get(0).observations()).singleElement()
        .satisfies(o -> assertThat(o.samples().value(0, 0)).isEqualTo(7.0));
  }

  @Test
  void aLongTurnFlushesEvery256RequestsSoThatObserversDoNotWaitForItsEnd() throws Exception {
    CompletableFuture<Void> all = observe(3, 3);
    announceInOneTurn((service, session) -> "one", 600, i -> command("s", i), i -> false);
    all.get(10, TimeUnit.SECONDS);
    assertThat(drift).extracting(batch -> batch.observations().size()).containsExactly(256, 256, 88);
    assertThat(alerts).extracting(batch -> batch.summaries().size()).containsExactly(256, 256, 88);
  }

  @Test
  void aRoleWithoutInstancesGetsNothing() throws Exception {
    CompletableFuture<Void> alertsOnly = observe(0, 1);
    announceInOneTurn((service, session) -> service == Service.ALERTS ? "one" : null, 1, i -> command("s", 1),
        i -> false);
    alertsOnly.get(10, TimeUnit.SECONDS);
    assertThat(drift).isEmpty();
  }

  /** @return completes when the drift and alerts instance "one" got that many batches each */
  private CompletableFuture<Void> observe(int driftBatches, int alertBatches) {
    BusCodecs.register(vertx);
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable check = () -> {
      if (drift.size() >= driftBatches && alerts.size() >= alertBatches) {
        done.complete(null);
      }
    };
    vertx.eventBus().<DriftObservations>consumer(Addresses.ofInstance(Addresses.DRIFT_OBSERVE, "one"), m -> {
      drift.add(m.body());
      check.run();
    }).completion().await();
    vertx.eventBus().<ScoreSummaries>consumer(Addresses.ofInstance(Addresses.ALERTS_OBSERVE, "one"), m -> {
      alerts.add(m.body());
      check.run();
    }).completion().await();
    return done;
  }

  /** Announces requests {@code 0 .. count - 1} in one turn of a context, as the detector does those queued at once. */
  private void announceInOneTurn(BiFunction<Service, String, String> owner, int count,
                                 IntFunction<ScoreCommand> command, IntPredicate anomalous) {
    Context context = vertx.getOrCreateContext();
    ScoreAnnouncer announcer = new ScoreAnnouncer(context, vertx.eventBus(), owner);
    context.runOnContext(v -> {
      for (int i = 0; i < count; i++) {
        announcer.announce(command.apply(i), reply(anomalous.test(i)));
      }
    });
  }

  private static ScoreCommand command(String session, double value) {
    return new ScoreCommand(session, null, Samples.of(new double[] {value, 0}), null, null);
  }

  private static ScoreReply reply(boolean anomaly) {
    Verdict verdict = anomaly ? Verdict.anomalous(0.9, 10, List.of()) : Verdict.normal(0.1, 10);
    return new ScoreReply(Algorithm.ISOLATION_FOREST, true, false, 0.5, List.of(verdict));
  }
}
