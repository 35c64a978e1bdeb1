package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Topic;
import io.anomalygateway.protocol.wire.SubscribeRequest.Since;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delivers topic events to the connections of one gateway instance that subscribed to them: one event-bus consumer
 * per topic for the whole instance (not one per connection), then a lookup by session. An event is encoded once,
 * whatever the number of subscribers. Runs on the instance's event loop, like its connections.
 */
final class TopicRouter {

  private final Map<Topic, Set<Connection>> allSessions = new EnumMap<>(Topic.class);
  private final Map<Topic, Map<String, Set<Connection>>> bySession = new EnumMap<>(Topic.class);
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final TopicHistory history;
  private final java.time.Duration historyAge;
  private Vertx vertx;
  private long sweepTimer = -1;

  TopicRouter(int historySize, java.time.Duration historyAge) {
    this.history = new TopicHistory(historySize, historyAge);
    this.historyAge = historyAge;
    for (Topic topic : Topic.values()) {
      allSessions.put(topic, new HashSet<>());
      bySession.put(topic, new HashMap<>());
    }
  }

  /** Listens to every topic; the future completes once the consumers are registered. */
  Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    sweepTimer = vertx.setPeriodic(Math.max(1_000L, historyAge.toMillis() / 4), id -> history.sweep(System.nanoTime()));
    List<Future<Void>> registered = new ArrayList<>();
    for (Topic topic : Topic.values()) {
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(topic.address(),
          message -> deliver(topic, message.body()));
      consumers.add(consumer);
      registered.add(consumer.completion());
    }
    return Future.all(registered).mapEmpty();
  }

  Future<Void> stop() {
    if (vertx != null) {
      vertx.cancelTimer(sweepTimer);
    }
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  /**
   * Subscribes a connection; a session-scoped subscription resuming from {@code since} gets the events it missed.
   *
   * @return where the session's stream stands, and the missed events to push before any new one
   */
  TopicHistory.Recovery subscribe(Connection connection, Topic topic, boolean everySession, Since since) {
    unsubscribe(connection, topic);
    if (everySession) {
      allSessions.get(topic).add(connection);
      return new TopicHistory.Recovery(false, null, 0, List.of());
    }
    bySession.get(topic).computeIfAbsent(connection.sessionId(), id -> new HashSet<>()).add(connection);
    return topic == Topic.STATS ? new TopicHistory.Recovery(false, null, 0, List.of())
        : history.resume(topic, connection.sessionId(), since, System.nanoTime());
  }

  /** @return whether the connection was subscribed */
  boolean unsubscribe(Connection connection, Topic topic) {
    boolean removed = allSessions.get(topic).remove(connection);
    Set<Connection> session = bySession.get(topic).get(connection.sessionId());
    if (session != null) {
      removed |= session.remove(connection);
      if (session.isEmpty()) {
        bySession.get(topic).remove(connection.sessionId());
      }
    }
    return removed;
  }

  void remove(Connection connection) {
    for (Topic topic : Topic.values()) {
      unsubscribe(connection, topic);
    }
  }

  private void deliver(Topic topic, JsonObject event) {
    Set<Connection> everyone = allSessions.get(topic);
    String sessionId = event.getString("session_id");
    Set<Connection> session = sessionId == null ? null : bySession.get(topic).get(sessionId);
    boolean kept = sessionId != null && topic != Topic.STATS;
    if (!kept && everyone.isEmpty() && (session == null || session.isEmpty())) {
      return;
    }
    String text = kept ? history.record(topic, sessionId, event, System.nanoTime()) : event.encode();
    for (Connection connection : List.copyOf(everyone)) {
      connection.push(text);
    }
    if (session != null) {
      for (Connection connection : List.copyOf(session)) {
        connection.push(text);
      }
    }
  }
}
