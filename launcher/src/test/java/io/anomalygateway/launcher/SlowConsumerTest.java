package io.anomalygateway.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber that stops reading loses topic events instead of growing the gateway's memory, and is disconnected
 * after {@code slow_consumer_timeout}, while another client keeps getting every result.
 */
@Timeout(120)
class SlowConsumerTest extends EmbeddedGatewayTest {

  @Override
  protected JsonObject configChanges() {
    // The detector's replies kept for exactly-once resends (dedup_window per session) would grow with every round
    // of 1,000-row batches and hide what this test measures: the memory a slow subscriber costs.
    return new JsonObject().put("gateway", new JsonObject().put("max_write_queue", 64 * 1024)
        .put("slow_consumer_timeout", 1.0)).put("detector", new JsonObject().put("dedup_window", 0));
  }

  @Test
  void aSubscriberThatStopsReadingLosesEventsNotTheServersMemory() {
    Vertx clients = Vertx.vertx();
    try (TestSocket slow = TestSocket.open(clients, port, "slow-reader");
         TestSocket producer = TestSocket.open(clients, port, "fast-producer")) {
      slow.request(TopicsTest.subscribe("anomalies", "all"));
      slow.stopReading();
      TopicsTest.fitThenFlag(producer, 0);
      long heapBefore = liveHeap();
      double[][] outliers = new double[1000][];
      for (int i = 0; i < outliers.length; i++) {
        outliers[i] = new double[] {25 + i % 13, -25 - i % 7, 25};
      }
      long answered = 0;
      int rounds = 0;
      boolean dropping = false;
      long droppedBefore = 0;
      JsonObject connections = new JsonObject();
      // Every round brings the paused subscriber 1,000 events, all dropped while it is connected. The server judges it
      // when it drops one more than slow_consumer_timeout after the first; once it has disconnected it, a round
      // drops nothing more. (A fixed duration raced with a late first drop.)
      while (rounds < 300) {
        answered += producer.request(Messages.batch(outliers)).getJsonArray("results").size();
        rounds++;
        connections = producer.request(Messages.of("stats")).getJsonObject("stats").getJsonObject("connections");
        long dropped = connections.getLong("dropped_events", 0L);
        if (dropping && dropped == droppedBefore) {
          break;
        }
        dropping = dropped > 0;
        droppedBefore = dropped;
      }
      long heapAfter = liveHeap();
      assertThat(answered).as("results received by the reading client").isEqualTo(rounds * 1000L);
      assertThat(connections.getLong("dropped_events")).isPositive();
      slow.resumeReading();
      assertThat(slow.awaitClose()).as("close status seen by the slow subscriber").isEqualTo((short) 1008);
      assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(64L << 20);
    } finally {
      clients.close();
    }
  }

  private static long liveHeap() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
