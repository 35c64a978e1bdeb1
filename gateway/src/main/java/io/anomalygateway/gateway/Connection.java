package io.anomalygateway.gateway;

import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.wire.RequestReader;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket connection to a session: reads its messages, answers each one, and keeps its own settings
 * and counters. All its methods run on the event loop of the socket.
 */
final class Connection implements Peer {

  /** WebSocket close status for a message over {@code max_message_size}. */
  static final short MESSAGE_TOO_BIG = 1009;
  /** WebSocket close status when the server goes away. */
  static final short GOING_AWAY = 1001;
  /** WebSocket close status for a normal closure, used for idle connections. */
  static final short NORMAL = 1000;
  /** WebSocket close status for a policy violation, used for subscribers that stop reading. */
  static final short POLICY_VIOLATION = 1008;

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final ServerWebSocket socket;
  private final String sessionId;
  private final String clientId;
  private final ConnectionRegistry registry;
  private final RequestReader reader;
  private final RequestHandler handler;
  private final SampleBatcher batcher;
  private final TopicRouter topics;
  private final long slowConsumerNanos;
  private final String connectedAt = ServerClock.timestamp();
  private ConnectionSettings settings;
  private long lastActivity = System.nanoTime();
  private long received;
  private long sent;
  private long errors;
  private long dropped;
  private long overLimitSince;
  private boolean closed;

  Connection(ServerWebSocket socket, String sessionId, String clientId, ConnectionSettings settings,
             Gateway gateway) {
    this.socket = socket;
    this.sessionId = sessionId;
    this.clientId = clientId;
    this.settings = settings;
    this.registry = gateway.registry();
    this.reader = gateway.reader();
    this.handler = gateway.handler();
    this.batcher = new SampleBatcher(gateway.vertx(), this, handler);
    this.topics = gateway.topics();
    this.slowConsumerNanos = Math.round(gateway.options().getSlowConsumerTimeout() * 1e9);
    socket.setWriteQueueMaxSize(gateway.options().getMaxWriteQueue());
  }

  /** Installs the socket's handlers and greets the client. */
  void open(String welcome) {
    socket.frameHandler(this::onFrame);
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(this::onBinary);
    socket.exceptionHandler(this::onException);
    socket.closeHandler(v -> onClose());
    registry.add(this);
    send(welcome);
  }

  private void onFrame(WebSocketFrame frame) {
    lastActivity = System.nanoTime();
  }

  private void onText(String text) {
    long receivedAt = System.nanoTime();
    lastActivity = receivedAt;
    received++;
    registry.countReceived();
    try {
      handler.handle(this, reader.read(text), receivedAt);
    } catch (ProtocolException e) {
      LOG.debug("Refused a message from {} in session {}: {}", clientId, sessionId, e.getMessage());
      sendError(e.requestId(), e.error());
    }
  }

  private void onBinary(Buffer data) {
    received++;
    registry.countReceived();
    sendError(null, ProtocolError.generic(ErrorCode.BINARY_NOT_SUPPORTED));
  }

  /**
   * Vert.x reports an oversized frame with Netty's {@link CorruptedWebSocketFrameException} (then drops the
   * connection) and an oversized message made of smaller frames with an {@link IllegalStateException} (keeping the
   * connection); both become a close with status 1009, as clients expect.
   */
  private void onException(Throwable failure) {
    if (failure instanceof CorruptedWebSocketFrameException || failure instanceof IllegalStateException) {
      LOG.debug("Closing {} in session {}: message too large", clientId, sessionId);
      if (!closed) {
        sendError(null, ProtocolError.generic(ErrorCode.MESSAGE_TOO_LARGE));
        close(MESSAGE_TOO_BIG, "message too large");
      }
    } else {
      LOG.debug("Connection {} in session {} failed: {}", clientId, sessionId, failure.toString());
    }
  }

  /** Samples still pending in a batch are scored even though nobody can read their results any more. */
  private void onClose() {
    closed = true;
    batcher.flush();
    topics.remove(this);
    registry.remove(this);
    registry.release();
  }

  @Override
  public void send(String text) {
    if (!closed) {
      sent++;
      registry.countSent();
      socket.writeTextMessage(text);
    }
  }

  /**
   * Sends a topic event, unless the client is not reading fast enough: then the event is dropped and counted, and a
   * client that stays over the limit for {@code slow_consumer_timeout} is disconnected with 1008. Responses to
   * requests never go this way: they are never dropped.
   */
  void push(String event) {
    if (closed) {
      return;
    }
    if (socket.writeQueueFull()) {
      dropped++;
      registry.countDropped();
      long now = System.nanoTime();
      if (overLimitSince == 0) {
        overLimitSince = now;
      } else if (now - overLimitSince > slowConsumerNanos) {
        LOG.info("Disconnecting {} in session {}: {} events dropped, not reading", clientId, sessionId, dropped);
        close(POLICY_VIOLATION, "too slow: events dropped");
      }
      return;
    }
    overLimitSince = 0;
    send(event);
  }

  @Override
  public void sendError(String requestId, ProtocolError error) {
    errors++;
    registry.countError();
    send(ResponseWriter.error(requestId, ServerClock.timestamp(), error));
  }

  void close(short status, String reason) {
    if (!closed) {
      batcher.flush();
      closed = true;
      socket.close(status, reason);
    }
  }

  boolean isIdleSince(long nanoTime) {
    return lastActivity < nanoTime;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public ConnectionSettings settings() {
    return settings;
  }

  @Override
  public void settings(ConnectionSettings next) {
    this.settings = next;
    batcher.flush();
  }

  @Override
  public SampleBatcher batcher() {
    return batcher;
  }

  String connectedAt() {
    return connectedAt;
  }

  long receivedCount() {
    return received;
  }

  long sentCount() {
    return sent;
  }

  long errorCount() {
    return errors;
  }

  long droppedCount() {
    return dropped;
  }
}
