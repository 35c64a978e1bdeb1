package io.anomalygateway.gateway;

import io.anomalygateway.gateway.security.Principal;
import io.anomalygateway.gateway.security.RateLimiter;
import io.anomalygateway.gateway.security.SecurityOptions;
import io.anomalygateway.protocol.ConnectionSettings;
import io.anomalygateway.protocol.CloseCodes;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.runtime.capacity.MemoryBudget;
import io.anomalygateway.protocol.wire.BatchRequest;
import io.anomalygateway.protocol.wire.RefreshRequest;
import io.anomalygateway.protocol.wire.Request;
import io.anomalygateway.protocol.wire.RequestReader;
import io.anomalygateway.protocol.wire.ResponseWriter;
import io.anomalygateway.protocol.wire.SampleRequest;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket connection to a session: reads its messages, answers each one, and keeps its own settings
 * and counters. All its methods run on the event loop of the socket.
 */
final class Connection implements Peer {

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
  private final String address;
  private final Vertx vertx;
  private final SecurityOptions security;
  private final TokenRefresher refresher;
  private final GatewayMeters meters;
  private final String node;
  private final KeepAlive keepAlive;
  private Principal principal;
  private RateLimiter limiter;
  private final TokenExpiry expiry;
  private final String connectedAt = ServerClock.timestamp();
  private ConnectionSettings settings;
  private long lastActivity = System.nanoTime();
  private long received;
  private long sent;
  private long errors;
  private long dropped;
  private long overLimitSince;
  private boolean closed;
  private long awaited;

  Connection(ServerWebSocket socket, String sessionId, String clientId, Principal principal, String address,
             Gateway gateway) {
    this.socket = socket;
    this.sessionId = sessionId;
    this.clientId = clientId;
    this.principal = principal;
    this.address = address;
    this.settings = gateway.connectionDefaults();
    this.vertx = gateway.vertx();
    this.security = gateway.security();
    this.limiter = new RateLimiter(security.rateLimit(principal.role()), security.floodCloseAfter());
    this.refresher = new TokenRefresher(gateway.authenticator(), gateway.registry().admission());
    this.meters = gateway.meters();
    this.node = gateway.cluster().nodeId();
    this.registry = gateway.registry();
    this.reader = gateway.reader();
    this.handler = gateway.handler();
    this.batcher = new SampleBatcher(gateway.vertx(), this, handler);
    this.topics = gateway.topics();
    this.slowConsumerNanos = gateway.options().slowConsumerTimeout().toNanos();
    socket.setWriteQueueMaxSize(gateway.options().maxWriteQueue());
    this.expiry = new TokenExpiry(vertx, () -> close(CloseCodes.TOKEN_EXPIRED, "token expired"));
    this.keepAlive = new KeepAlive(vertx, socket, gateway.options().pingInterval(),
        gateway.options().pingTimeout(), this::onPingTimeout);
  }

  /** Installs the socket's handlers and greets the client. */
  void open(String welcome) {
    socket.frameHandler(this::onFrame);
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(this::onBinary);
    socket.exceptionHandler(this::onException);
    socket.closeHandler(v -> onClose());
    registry.add(this);
    write(welcome);
    expiry.schedule(principal);
    keepAlive.start();
  }

  /** Runs on a new token from now on (after {@link TokenRefresher} checked it): its role, its limits, its expiry. */
  void renew(Principal next) {
    if (next.role() != principal.role()) {
      limiter = new RateLimiter(security.rateLimit(next.role()), security.floodCloseAfter());
    }
    principal = next;
    expiry.schedule(next);
  }

  String address() {
    return address;
  }

  /**
   * Every frame proves the peer alive; all but pongs (answers to the server's own pings, which any live peer sends
   * by itself) also count as activity for {@code connection_timeout}, client pings included.
   */
  private void onFrame(WebSocketFrame frame) {
    long now = System.nanoTime();
    keepAlive.heard(now);
    if (frame.type() != WebSocketFrameType.PONG) {
      lastActivity = now;
    }
  }

  private void onPingTimeout() {
    LOG.debug("Closing {} in session {}: no answer to the server's ping", clientId, sessionId);
    close(CloseCodes.PING_TIMEOUT, "ping timeout");
  }

  /**
   * Every message gets one answer, whatever happens: refused once the gateway's drain time is over, refused over
   * the request budget (checked before the message is read, so a large one costs nothing more), and if the heap runs
   * out while it is read, the connection is closed with 1013 ("try again later") rather than left waiting.
   */
  private void onText(String text) {
    if (closed) {
      // After the server's close frame nothing can be answered, so nothing is processed: the client resends it.
      return;
    }
    long receivedAt = System.nanoTime();
    lastActivity = receivedAt;
    received++;
    awaited++;
    registry.countReceived();
    if (expired()) {
      return;
    }
    long retryAfter = limiter.acquireMessage(receivedAt);
    if (!registry.serving()) {
      refuse(text, retryAfter, ProtocolError.generic(ErrorCode.SHUTTING_DOWN));
      return;
    }
    String tenant = principal.tenant();
    long cost = RequestCost.ofText(text);
    MemoryBudget.Outcome outcome = registry.requests().reserve(tenant, cost);
    if (outcome != MemoryBudget.Outcome.GRANTED) {
      refuse(text, retryAfter, RequestCost.refusal(registry.requests(), outcome, cost));
      return;
    }
    try {
      long kept = read(text, receivedAt, retryAfter, tenant);
      registry.requests().release(tenant, cost - kept);
    } catch (OutOfMemoryError e) {
      registry.requests().release(tenant, cost);
      LOG.error("Out of memory reading a message of {} characters from {} in session {}", text.length(), clientId,
          sessionId);
      close(WebSocketCloseStatus.TRY_AGAIN_LATER, "server out of memory");
    }
  }

  private void refuse(String text, long retryAfter, ProtocolError error) {
    String requestId = RequestReader.requestIdOf(text);
    if (admitted(retryAfter, requestId)) {
      sendError(requestId, error);
    }
  }

  /** @return the bytes of the request that stay reserved until it is answered (a batch's samples), else 0 */
  private long read(String text, long receivedAt, long retryAfter, String tenant) {
    Request request;
    try {
      request = reader.read(text);
    } catch (ProtocolException e) {
      if (admitted(retryAfter, e.requestId())) {
        sendError(e.requestId(), e.error());
      }
      return 0;
    }
    // Read first, so that a refusal names the request it refuses and the client can send it again later.
    if (!admitted(retryAfter, request.requestId())) {
      return 0;
    }
    // A request the role forbids is refused by the handler without spending the connection's sample budget.
    meters.received(request.type());
    if (request instanceof RefreshRequest refresh) {
      refresher.refresh(this, refresh);
      return 0;
    }
    int samples = principal.role().allows(request.type()) ? samplesOf(request) : 0;
    if (samples > 0 && !admitted(limiter.acquireSamples(samples, System.nanoTime()), request.requestId())) {
      return 0;
    }
    long kept = RequestCost.ofRequest(request);
    handler.handle(this, request, receivedAt, () -> registry.requests().release(tenant, kept));
    return kept;
  }

  private void onBinary(Buffer data) {
    if (closed) {
      return;
    }
    received++;
    awaited++;
    registry.countReceived();
    if (!expired() && admitted(limiter.acquireMessage(System.nanoTime()), null)) {
      sendError(null, ProtocolError.generic(ErrorCode.BINARY_NOT_SUPPORTED));
    }
  }

  /** A connection outlives its token only until its next message: then it is closed with 4401. */
  private boolean expired() {
    if (principal.expiredAt(System.currentTimeMillis() / 1000)) {
      close(CloseCodes.TOKEN_EXPIRED, "token expired");
      return true;
    }
    return false;
  }

  /**
   * Messages are counted before they are read (so a flood of junk is limited too), samples once the message is
   * read; over the limit the client gets {@code RATE_LIMITED}, and a flood is closed with 1008.
   *
   * @param retryAfter what the rate limiter answered: 0 to pass
   */
  private boolean admitted(long retryAfter, String requestId) {
    if (retryAfter == 0) {
      return true;
    }
    registry.countRateLimited();
    meters.rateLimited();
    if (limiter.flooding(System.nanoTime())) {
      LOG.info("Closing {} in session {}: flooding past its rate limit", clientId, sessionId);
      close(WebSocketCloseStatus.POLICY_VIOLATION, "rate limit exceeded");
    } else {
      sendError(requestId, ProtocolError.rateLimited(retryAfter));
    }
    return false;
  }

  private static int samplesOf(Request request) {
    if (request instanceof SampleRequest) {
      return 1;
    }
    return request instanceof BatchRequest ? ((BatchRequest) request).rows().count() : 0;
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
        close(WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too large");
      }
    } else {
      LOG.debug("Connection {} in session {} failed: {}", clientId, sessionId, failure.toString());
    }
  }

  /** Samples still pending in a batch are scored even though nobody can read their results any more. */
  private void onClose() {
    closed = true;
    expiry.cancel();
    keepAlive.stop();
    batcher.flush();
    topics.remove(this);
    registry.remove(this);
    registry.release();
    registry.admission().release(address, principal.tokenId(), sessionId);
  }

  @Override
  public Principal principal() {
    return principal;
  }

  /** Sends the answer to a message: every message the client sent gets exactly one. */
  @Override
  public void send(String text) {
    write(text);
    meters.response();
    awaited = Math.max(0, awaited - 1);
  }

  private void write(String text) {
    if (!closed) {
      sent++;
      registry.countSent();
      socket.writeTextMessage(text);
    }
  }

  /**
   * Shutting down: closes the connection with 1001 once every message it received is answered and none arrived for
   * {@code quietNanos} since the drain began (messages on the wire then are read meanwhile, and answered), so that
   * the client reconnects elsewhere without losing one. Past {@code force}, new messages are refused with
   * {@code SHUTTING_DOWN}, and a connection that still receives is closed once what it sent is answered.
   *
   * @param drainStart when the drain began ({@link System#nanoTime()})
   * @param force whether the drain's quiet time is over
   * @return whether the connection is closed
   */
  boolean drainedAt(long now, long drainStart, long quietNanos, boolean force) {
    if (!closed && awaited == 0 && (force || now - Math.max(lastActivity, drainStart) > quietNanos)) {
      close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "server shutting down");
    }
    return closed;
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
      meters.dropped();
      long now = System.nanoTime();
      if (overLimitSince == 0) {
        overLimitSince = now;
      } else if (now - overLimitSince > slowConsumerNanos) {
        LOG.info("Disconnecting {} in session {}: {} events dropped, not reading", clientId, sessionId, dropped);
        close(WebSocketCloseStatus.POLICY_VIOLATION, "too slow: events dropped");
      }
      return;
    }
    overLimitSince = 0;
    meters.event();
    write(event);
  }

  @Override
  public void sendError(String requestId, ProtocolError error) {
    meters.error(error.code());
    logRefusal(requestId, error);
    errors++;
    registry.countError();
    send(ResponseWriter.error(requestId, ServerClock.timestamp(), error));
  }

  /**
   * A request-scoped event, with the fields that find it again in a log search. Failures of the server's side
   * (5xxx codes) are worth an operator's attention; a client's mistakes only at debug level, or a hostile client
   * could fill the logs.
   */
  private void logRefusal(String requestId, ProtocolError error) {
    boolean serverSide = error.code().failureCode() >= 5000;
    (serverSide ? LOG.atInfo() : LOG.atDebug())
        .addKeyValue("session_id", sessionId).addKeyValue("client_id", clientId)
        .addKeyValue("request_id", requestId).addKeyValue("node", node)
        .addKeyValue("error_code", error.code().code())
        .log(serverSide ? "Request failed on the server's side" : "Request refused");
  }

  void close(WebSocketCloseStatus status, String reason) {
    close((short) status.code(), reason);
  }

  /**
   * Closes the connection once, flushing a pending batch first.
   *
   * @param status a close code: a standard one, or one of {@link CloseCodes}
   * @param reason for the peer and the log
   */
  void close(short status, String reason) {
    if (!closed) {
      batcher.flush();
      closed = true;
      keepAlive.stop();
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
