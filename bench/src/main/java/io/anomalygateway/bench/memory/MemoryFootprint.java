package io.anomalygateway.bench.memory;

import io.anomalygateway.detector.DetectorVerticle;
import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.bus.BusCodecs;
import io.anomalygateway.protocol.bus.ScoreCommand;
import io.anomalygateway.protocol.bus.SessionQuery;
import io.anomalygateway.protocol.bus.SessionStats;
import io.anomalygateway.runtime.cluster.ClusterOptions;
import io.anomalygateway.runtime.cluster.InstanceDirectory;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code memory --sessions N --dims D --buffer B --algorithm A}: deploys the real detector verticle, fills N sessions
 * with B samples each over the event bus, waits until every session's model is fitted, and reports the heap the
 * sessions retain (live heap after full collections, before and after).
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
    description = "Measures the heap a real detector verticle retains for N sessions with full buffers.")
public final class MemoryFootprint implements Callable<Integer> {

  private static final int IN_FLIGHT = 32;

  @Option(names = "--sessions", defaultValue = "10000", description = "sessions (default ${DEFAULT-VALUE})")
  int sessions;
  @Option(names = "--dims", defaultValue = "8", description = "values per sample (default ${DEFAULT-VALUE})")
  int dims;
  @Option(names = "--buffer", defaultValue = "1000", description = "buffer size (default ${DEFAULT-VALUE})")
  int buffer;
  @Option(names = "--algorithm", defaultValue = "isolation_forest",
      description = "the sessions' algorithm (default ${DEFAULT-VALUE})")
  String algorithm;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      System.out.println(measure(vertx, sessions, dims, buffer, Algorithm.ofWireName(algorithm)).encode());
    } finally {
      vertx.close().await(60, TimeUnit.SECONDS);
    }
    return 0;
  }

  static JsonObject measure(Vertx vertx, int sessions, int dims, int buffer, Algorithm algorithm) throws Exception {
    BusCodecs.register(vertx);
    JsonObject config = new JsonObject().put("detector", new JsonObject().put("algorithm", algorithm.wireName())
        .put("buffer_size", buffer).put("max_sessions", sessions + 1).put("fit_threads", 2))
        // Only the sessions' heap is measured: nothing is snapshotted to disk.
        .put("persistence", new JsonObject().put("data_dir", ""));
    vertx.deployVerticle(DetectorVerticle::new, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)
        .setConfig(config)).await(60, TimeUnit.SECONDS);
    // The detector consumes its instance's own addresses; the directory finds the instance as the gateway does.
    InstanceDirectory directory = new InstanceDirectory(vertx, ClusterOptions.defaults());
    directory.start().compose(v -> directory.awaitAny(Service.DETECTOR, 30_000)).await(60, TimeUnit.SECONDS);
    String detector = directory.members(Service.DETECTOR).owner("memory");
    long before = liveHeap();
    long started = System.nanoTime();
    SplittableRandom random = new SplittableRandom(1);
    DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(600_000);
    for (int first = 0; first < sessions; first += IN_FLIGHT) {
      List<Future<?>> step = new ArrayList<>();
      for (int s = first; s < Math.min(first + IN_FLIGHT, sessions); s++) {
        double[] values = new double[buffer * dims];
        for (int i = 0; i < values.length; i++) {
          values[i] = random.nextDouble() * 2 - 1;
        }
        step.add(vertx.eventBus().request(Addresses.ofInstance(Addresses.DETECTOR_SCORE, detector),
            new ScoreCommand("memory-" + s, algorithm, new Samples(dims, values), null, null), delivery));
      }
      Future.all(step).await(600, TimeUnit.SECONDS);
    }
    awaitFitted(vertx, Addresses.ofInstance(Addresses.DETECTOR_STATS, detector), sessions, delivery);
    double fillSeconds = (System.nanoTime() - started) / 1e9;
    long after = liveHeap();
    long perSession = (after - before) / sessions;
    return new JsonObject()
        .put("algorithm", algorithm.wireName())
        .put("sessions", sessions)
        .put("dims", dims)
        .put("buffer_size", buffer)
        .put("live_heap_before_mb", before / (1 << 20))
        .put("live_heap_after_mb", after / (1 << 20))
        .put("bytes_per_session", perSession)
        .put("fill_seconds", Math.round(fillSeconds * 10) / 10.0);
  }

  /** Asks for every session's stats until all report a fitted model. */
  private static void awaitFitted(Vertx vertx, String address, int sessions, DeliveryOptions delivery)
      throws Exception {
    int s = 0;
    while (s < sessions) {
      SessionStats stats = vertx.eventBus().<SessionStats>request(address,
          new SessionQuery("memory-" + s), delivery).await(600, TimeUnit.SECONDS).body();
      if (stats.models().stream().allMatch(m -> m.fitted())) {
        s++;
      } else {
        Thread.sleep(50);
      }
    }
  }

  private static long liveHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
