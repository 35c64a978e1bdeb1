package io.anomalygateway.launcher;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.ClientOptions;
import io.anomalygateway.client.DetectionResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many samples handed to the client at once, as a producer with a burst would: counts how often each future
 * completes, so that a test can say "every one exactly once", and lets it act when a number of them are answered.
 */
public final class ClientStream {

  private final List<CompletableFuture<DetectionResult>> futures = new ArrayList<>();
  private final AtomicInteger[] completions;
  private final AtomicInteger answered = new AtomicInteger();

  private ClientStream(int count) {
    completions = new AtomicInteger[count];
  }

  static ClientStream start(AnomalyClient client, int count, int dims, long seed) {
    ClientStream stream = new ClientStream(count);
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      AtomicInteger completed = new AtomicInteger();
      stream.completions[i] = completed;
      double[] sample = new double[dims];
      for (int d = 0; d < dims; d++) {
        sample[d] = random.nextGaussian();
      }
      CompletableFuture<DetectionResult> future = client.sendSample(sample);
      future.whenComplete((result, failure) -> {
        completed.incrementAndGet();
        stream.answered.incrementAndGet();
      });
      stream.futures.add(future);
    }
    return stream;
  }

  /** Waits until at least {@code count} samples have their outcome. */
  void awaitAnswered(int count) {
    awaitCondition(() -> answered.get() >= count);
  }

  /** Waits for every outcome, then checks that each is a result and that no future completed twice. */
  void assertEachAnsweredOnceWithAResult() {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
    // allOf may complete before the counting callbacks of the last futures have run on the client's thread.
    awaitAnswered(completions.length);
    assertThat(futures).allSatisfy(future -> assertThat(future).isCompletedWithValueMatching(r -> r.sampleId() != null));
    assertThat(completions).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }

  /**
   * Options for a burst that must survive connection losses: quick reconnects, room for the whole burst, a minute
   * per request (each one's clock starts when the burst is handed over), and a silent dead connection found by the
   * pings within 3 s.
   */
  static ClientOptions burstOptions(int port, String sessionId) {
    return new ClientOptions().setUrl("ws://127.0.0.1:" + port).setSessionId(sessionId)
        .setInitialBackoff(20).setMaxBackoff(200).setMaxQueueSize(20_000)
        .setRequestTimeout(60_000).setPingInterval(1_000).setPingTimeout(2_000);
  }

  /** Polls a condition every few milliseconds for at most 30 s: an await, not a sleep. */
  public static void awaitCondition(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Object monitor = new Object();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the condition did not hold within 30 s");
      }
      synchronized (monitor) {
        try {
          monitor.wait(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }
}
