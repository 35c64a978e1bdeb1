package io.anomalygateway.examples;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.TopicEvent;

import java.io.PrintStream;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subscribes to the {@code anomalies}, {@code alerts} and {@code stats} topics of its session, then produces a
 * burst of anomalies on the same session and prints every event the server pushes.
 */
final class Subscriptions {

  private Subscriptions() {
  }

  static int run(String[] args, PrintStream out) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, "pubsub-example", 400, 6);
    Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    Random random = new Random(4);
    try (AnomalyClient client = AnomalyClient.create(options.clientOptions())) {
      client.connect().get();
      for (String topic : new String[] {"anomalies", "alerts", "stats"}) {
        client.subscribe(topic, event -> print(out, counts, event)).get();
      }
      for (int i = 0; i < options.samples(); i++) {
        boolean burst = i >= options.samples() - 40;
        double offset = burst ? 20 : 0;
        client.sendSample(new double[] {random.nextGaussian() + offset, random.nextGaussian() - offset}).get();
      }
      // Stats are pushed every stats_interval (5 s by default): watch for a while to see one.
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos((long) (options.durationSeconds() * 1000));
      while (System.nanoTime() < until && counts.getOrDefault("stats", new AtomicInteger()).get() == 0) {
        client.stats().get();
      }
      out.printf("events received: %s%n", counts);
    }
    return 0;
  }

  private static void print(PrintStream out, Map<String, AtomicInteger> counts, TopicEvent event) {
    counts.computeIfAbsent(event.topic(), t -> new AtomicInteger()).incrementAndGet();
    String what = switch (event.type()) {
      case "anomaly" -> "score " + event.body().getDouble("confidence_score");
      case "alert" -> event.body().getJsonObject("metadata", new io.vertx.core.json.JsonObject())
          .getString("title", event.body().getString("rule"));
      default -> event.body().encode();
    };
    out.printf("[%s] %s %s: %s%n", event.topic(), event.type(), event.sessionId(), what);
  }
}
