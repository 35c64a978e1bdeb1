package io.anomalygateway.examples;

import io.anomalygateway.client.AnomalyClient;
import io.anomalygateway.client.TopicEvent;

import java.io.PrintStream;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
      CompletableFuture<Void> firstStats = new CompletableFuture<>();
      for (String topic : new String[] {"anomalies", "alerts", "stats"}) {
        client.subscribe(topic, event -> {
          print(out, counts, event);
          if ("stats".equals(event.topic())) {
            firstStats.complete(null);
          }
        }).get();
      }
      for (int i = 0; i < options.samples(); i++) {
        boolean burst = i >= options.samples() - 40;
        double offset = burst ? 20 : 0;
        client.sendSample(new double[] {random.nextGaussian() + offset, random.nextGaussian() - offset}).get();
      }
      // Stats are pushed every stats_interval (5 s by default): wait up to --duration seconds to see one.
      try {
        firstStats.get((long) (options.durationSeconds() * 1000), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        out.println("no stats event within " + options.durationSeconds() + " s");
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
