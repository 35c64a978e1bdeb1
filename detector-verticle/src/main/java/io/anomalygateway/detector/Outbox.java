package io.anomalygateway.detector;

import io.vertx.core.eventbus.EventBus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Messages waiting to be sent, by address, until the sender flushes them as one batch per address. Owned by one
 * verticle and used on its context only, so it needs no locks.
 *
 * @param <T> what is collected
 */
final class Outbox<T> {

  private final EventBus bus;
  private final Function<List<T>, Object> batch;
  private final Map<String, List<T>> waiting = new HashMap<>();

  /**
   * @param batch makes the one message that carries what waited for an address
   */
  Outbox(EventBus bus, Function<List<T>, Object> batch) {
    this.bus = bus;
    this.batch = batch;
  }

  void add(String address, T item) {
    waiting.computeIfAbsent(address, a -> new ArrayList<>()).add(item);
  }

  /** Sends one batch to every address something waits for; each batch keeps the order its items were added in. */
  void flush() {
    if (waiting.isEmpty()) {
      return;
    }
    waiting.forEach((address, items) -> bus.send(address, batch.apply(items)));
    waiting.clear();
  }
}
