import {
  ConnectionLostError, ConnectionRefusedError, RequestTimeoutError, ServerError, UnauthorizedError,
} from "./errors.js";
import { Ledger, type PendingRequest } from "./ledger.js";
import type {
  BatchResult, ClientStatistics, DetectionResult, DriftResult, Position, SessionStats, TopicEvent,
} from "./models.js";
import { backoffDelay, expiring, Pacer, refreshDelay } from "./policy.js";
import { Subscription } from "./subscription.js";

/** The streaming endpoint's path before the session id. */
export const ENDPOINT_PATH = "/api/v1/streaming/enhanced/";

/** The part of a WebSocket the client uses: the browser's and the `ws` package's both have it. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Opens a WebSocket to `url` with the given headers (a browser cannot send headers: the token goes in the URL). */
export type SocketFactory = (url: string, headers: Record<string, string>) => SocketLike;

/** A bearer token, or a function (sync or async) returning the current one. */
export type TokenSource = string | (() => string | Promise<string>);

/** How a client connects and behaves; every field is optional. */
export interface ClientOptions {
  /** A token, or a supplier asked at each connection whose token is about to expire and before expiry. */
  token?: TokenSource;
  /** The client's id, kept across reconnects (the gateway de-duplicates by it); default a random UUID. */
  clientId?: string;
  /** Reconnect attempts after a loss before giving up; default unlimited (-1); 0 never reconnects. */
  maxReconnectAttempts?: number;
  /** Reconnect delays: exponential from `initialBackoff` to `maxBackoff` ms (100, 10,000), less a random `jitter` share (0.5). */
  initialBackoff?: number;
  maxBackoff?: number;
  jitter?: number;
  /** The longest a request may take, queueing and re-sends included (ms; 30,000). */
  requestTimeout?: number;
  /** A connection silent for `pingInterval` (15,000 ms) is pinged, and after `pingTimeout` (10,000 ms) more, dropped. */
  pingInterval?: number;
  pingTimeout?: number;
  /** The queue while disconnected (10,000) and which request fails when it is full (`reject` the new one). */
  maxQueueSize?: number;
  overflowPolicy?: "reject" | "drop_oldest";
  /** Unanswered requests at a time (128); keep it below the gateway's `dedup_window` (256). */
  maxInFlight?: number;
  /** Opens WebSockets; default `ws` in Node.js and the native `WebSocket` in browsers. */
  webSocket?: SocketFactory;
  /** Called with every message received, before it is handled: for logs and protocol checks. */
  messageObserver?: (message: Record<string, unknown>) => void;
}

/** Options of one request. */
export interface CallOptions {
  /** Overrides `requestTimeout` (ms). */
  timeout?: number;
}

/** Options of a subscription. */
export interface SubscribeOptions extends CallOptions {
  /** Called for each event, in order; without it, iterate the subscription. */
  callback?: (event: TopicEvent) => void;
  /** `session` (default) or `all` (every session; admins only). */
  scope?: "session" | "all";
  /** Replays the events after this position; `recovered` then says whether every one was. */
  since?: Position;
  /** Told after each reconnect whether the subscription came back without losing events. */
  onRecovery?: (recovered: boolean) => void;
  /** Events that may wait unread (1024). */
  bufferSize?: number;
}

const EVENT_TYPES = new Set(["anomaly", "alert", "stats", "drift"]);
const REFUSED_FOR_NOW = new Set(["RATE_LIMITED", "SHUTTING_DOWN"]);
const TERMINAL_STATUSES = new Set([400, 403, 404]);

let defaultFactory: SocketFactory | undefined;

/** @internal Sets the WebSocket used when the options name none (Node.js: `ws`; browsers: the native one). */
export function setDefaultSocketFactory(factory: SocketFactory): void {
  defaultFactory = factory;
}

/**
 * One connection to one session of the gateway, re-established after every loss, which never loses a request and
 * never has a sample scored twice. Requests return promises that settle exactly once: with the answer, or with a
 * `ServerError` (the protocol's code), `RequestTimeoutError`, `QueueFullError` or `ConnectionLostError`. While
 * disconnected, requests wait in a bounded queue; after a reconnect (exponential back-off with jitter) the requests
 * that were in flight go out again with the same `request_id` (the gateway answers a repeat with its first result),
 * then the queued ones, and subscriptions come back from the last event seen.
 */
export class AnomalyClient {
  /** The id the gateway knows this client by. */
  readonly clientId: string;
  private readonly url: string;
  private readonly options: Required<Omit<ClientOptions, "token" | "clientId" | "webSocket" | "messageObserver">>;
  private readonly ledger: Ledger;
  private readonly pacer = new Pacer();
  private readonly subscriptions = new Map<string, Subscription>();
  private internal = new Map<string, (answer: Record<string, unknown>) => void>();
  private socket: SocketLike | undefined;
  private open = false;
  private isClosed = false;
  private started = false;
  private attempt = 0;
  private connections = 0;
  private nextId = 0;
  private lastHeard = 0;
  private token: string | undefined;
  private refusedStatus: number | undefined;
  private maxMessageSize: number | undefined;
  private latestWelcome: Record<string, unknown> | undefined;
  private readonly welcomed: Promise<Record<string, unknown>>;
  private settleWelcome!: { resolve(value: Record<string, unknown>): void; reject(error: Error): void };
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private pinger: ReturnType<typeof setInterval> | undefined;
  private wake: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param url the gateway's base URL (`ws://host:8000`) with a `sessionId`, or the full endpoint URL with the
   *     session in its path (`ws://host:8000/api/v1/streaming/enhanced/line-7`) and no `sessionId`
   */
  constructor(url: string, sessionId: string | undefined, private readonly config: ClientOptions = {}) {
    this.clientId = config.clientId ?? globalThis.crypto.randomUUID();
    this.url = endpointUrl(url, sessionId, this.clientId);
    this.options = {
      maxReconnectAttempts: config.maxReconnectAttempts ?? -1, initialBackoff: config.initialBackoff ?? 100,
      maxBackoff: config.maxBackoff ?? 10_000, jitter: config.jitter ?? 0.5,
      requestTimeout: config.requestTimeout ?? 30_000, pingInterval: config.pingInterval ?? 15_000,
      pingTimeout: config.pingTimeout ?? 10_000, maxQueueSize: config.maxQueueSize ?? 10_000,
      overflowPolicy: config.overflowPolicy ?? "reject", maxInFlight: config.maxInFlight ?? 128,
    };
    this.ledger = new Ledger(this.options.maxQueueSize, this.options.maxInFlight, this.options.overflowPolicy);
    this.welcomed = new Promise((resolve, reject) => { this.settleWelcome = { resolve, reject }; });
    this.welcomed.catch(() => undefined); // observed through connect(); never an unhandled rejection
  }

  /** Connects (retrying per the reconnect policy) and resolves with the gateway's welcome. */
  connect(options: CallOptions = {}): Promise<Record<string, unknown>> {
    this.start();
    const timeout = options.timeout ?? this.options.requestTimeout;
    return new Promise((resolve, reject) => {
      const timer = this.later(timeout, () => reject(new RequestTimeoutError(`No welcome within ${timeout} ms`)));
      this.welcomed.then((welcome) => { this.forget(timer); resolve(welcome); },
        (error: Error) => { this.forget(timer); reject(error); });
    });
  }

  /** Closes the client: with `drain`, first waits up to that many ms for pending requests; the rest fail. */
  async close(options: { drain?: number } = {}): Promise<void> {
    if (options.drain && !this.isClosed) {
      const deadline = Date.now() + options.drain;
      while (!this.ledger.isEmpty() && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    this.giveUp(new ConnectionLostError("The client was closed"));
  }

  /** Whether a welcomed connection is open now. */
  get connected(): boolean { return this.open; }

  /** Whether the client was closed or gave up. */
  get closed(): boolean { return this.isClosed; }

  /** The latest welcome: the session, the role, the algorithms and the gateway's limits. */
  get welcome(): Record<string, unknown> | undefined { return this.latestWelcome; }

  /** What the client has done so far. */
  statistics(): ClientStatistics {
    return this.ledger.statistics(Math.max(0, this.connections - 1));
  }

  /** Scores one sample with the session's algorithm, or `algorithm`. Rejects at once on NaN or infinity. */
  sendSample(data: ArrayLike<number>, options: CallOptions & { algorithm?: string; timestamp?: string } = {}):
      Promise<DetectionResult> {
    return this.call({ type: "sample", data: Array.from(data), algorithm: options.algorithm,
      timestamp: options.timestamp }, options) as unknown as Promise<DetectionResult>;
  }

  /** Scores rows in order, in one request. */
  sendBatch(rows: ArrayLike<ArrayLike<number>>, options: CallOptions & { algorithm?: string } = {}):
      Promise<BatchResult> {
    return this.call({ type: "batch", batch_data: Array.from(rows, (row) => Array.from(row)),
      algorithm: options.algorithm }, options) as unknown as Promise<BatchResult>;
  }

  /** The session's detector state, the node's connections and this connection's figures. */
  async getStats(options: CallOptions = {}): Promise<SessionStats> {
    return (await this.call({ type: "stats" }, options)).stats as SessionStats;
  }

  /**
   * Compares the session's drift reference with its newest `windowSize` samples (`method`: ks, psi, adwin,
   * page_hinkley; `alpha`: the corrected level), or with `reset` discards the reference.
   */
  checkDrift(check: { windowSize?: number; method?: string; alpha?: number; reset?: boolean } = {},
             options: CallOptions = {}): Promise<DriftResult> {
    return this.call({ type: "drift", window_size: check.windowSize, method: check.method, alpha: check.alpha,
      reset: check.reset || undefined }, options) as unknown as Promise<DriftResult>;
  }

  /** Changes settings (an invalid update changes nothing) and resolves with all the effective ones. */
  async sendConfig(settings?: Record<string, unknown>, options: CallOptions = {}):
      Promise<Record<string, unknown>> {
    return (await this.call({ type: "config", config: settings }, options)).config as Record<string, unknown>;
  }

  /** A protocol ping; resolves with the round trip in ms. */
  async ping(options: CallOptions = {}): Promise<number> {
    const started = performance.now();
    await this.call({ type: "ping" }, options);
    return performance.now() - started;
  }

  /** Swaps the connection's token without reconnecting (the client does it by itself with a supplier). */
  async refresh(token: string, options: CallOptions = {}): Promise<string> {
    const answer = await this.call({ type: "refresh", token }, options);
    this.token = token;
    return answer.expires_at as string;
  }

  /** Sends any protocol message with the same guarantees and resolves with the answer as it came. */
  request(message: Record<string, unknown>, options: CallOptions = {}): Promise<Record<string, unknown>> {
    return this.call({ ...message }, options);
  }

  /** Follows a topic (`anomalies`, `alerts`, `stats`, `drift`); resolves once the gateway confirmed. */
  async subscribe(topic: string, options: SubscribeOptions = {}): Promise<Subscription> {
    const subscription = new Subscription(topic, options.scope ?? "session", options.since,
      options.bufferSize ?? 1024, options.onRecovery, (t) => this.unsubscribe(t));
    this.subscriptions.get(topic)?.end();
    this.subscriptions.set(topic, subscription);
    try {
      const answer = await this.call(subscription.message(), options);
      if (options.since) {
        subscription.recovered = answer.recovered === true;
      }
    } catch (error) {
      if (this.subscriptions.get(topic) === subscription) {
        this.subscriptions.delete(topic);
      }
      subscription.end();
      throw error;
    }
    if (options.callback) {
      const callback = options.callback;
      void (async () => {
        for await (const event of subscription) {
          try {
            callback(event);
          } catch (error) {
            console.error(`A ${topic} event callback failed`, error);
          }
        }
      })();
    }
    return subscription;
  }

  /** Stops following a topic; resolves to whether the gateway had the subscription. */
  async unsubscribe(topic: string, options: CallOptions = {}): Promise<boolean> {
    this.subscriptions.get(topic)?.end();
    this.subscriptions.delete(topic);
    if (this.isClosed) {
      return false;
    }
    const answer = await this.call({ type: "unsubscribe", config: { topic } }, options);
    return answer.was_subscribed === true;
  }

  private call(message: Record<string, unknown>, options: CallOptions): Promise<Record<string, unknown>> {
    const id = `r${++this.nextId}`;
    let text: string;
    try {
      text = JSON.stringify({ ...message, request_id: id }, (_, value: unknown) => {
        if (typeof value === "number" && !Number.isFinite(value)) {
          throw new RangeError("JSON cannot carry NaN or infinite numbers");
        }
        return value;
      });
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const request: PendingRequest = { id, text, started: performance.now(), settled: false, resolve, reject };
      if (this.isClosed) {
        this.ledger.fail(request, new ConnectionLostError("The client is closed"));
        return;
      }
      this.start();
      const timeout = options.timeout ?? this.options.requestTimeout;
      request.timer = setTimeout(() => {
        this.ledger.fail(request, new RequestTimeoutError(`Request ${id} had no answer within ${timeout} ms`));
        this.sendQueued();
      }, timeout);
      if (this.open && this.ledger.canSend() && this.pacer.delay(Date.now()) === 0) {
        this.ledger.sending(request);
        this.transmit(request);
      } else {
        this.ledger.queue(request);
      }
    });
  }

  private start(): void {
    if (!this.started && !this.isClosed) {
      this.started = true;
      this.pinger = setInterval(() => this.keepAlive(), Math.max(100, this.options.pingInterval / 2));
      void this.dial();
    }
  }

  private async dial(): Promise<void> {
    if (this.isClosed) {
      return;
    }
    let token: string | undefined;
    try {
      token = await this.currentToken();
    } catch (error) {
      if (error instanceof UnauthorizedError) {
        this.giveUp(error);
      } else {
        this.retry();
      }
      return;
    }
    const factory = this.config.webSocket ?? defaultFactory;
    if (!factory) {
      this.giveUp(new ConnectionLostError("No WebSocket implementation: pass options.webSocket"));
      return;
    }
    const socket = factory(this.url, token ? { Authorization: `Bearer ${token}` } : {});
    this.socket = socket;
    this.refusedStatus = undefined;
    this.lastHeard = Date.now();
    socket.onmessage = (event) => {
      if (this.socket === socket && typeof event.data === "string") {
        this.onMessage(event.data);
      }
    };
    socket.onerror = (event) => {
      const status = /Unexpected server response: (\d+)/.exec(String((event as { message?: string }).message));
      if (status) {
        this.refusedStatus = Number(status[1]);
      }
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = undefined;
      this.open = false;
      clearTimeout(this.refreshTimer);
      const status = this.refusedStatus;
      if (status !== undefined && TERMINAL_STATUSES.has(status)) {
        this.giveUp(new ConnectionRefusedError(status));
      } else if (status === 401 && typeof this.config.token !== "function") {
        this.giveUp(new UnauthorizedError("The gateway refused the token (HTTP 401)"));
      } else {
        if (status === 401 || event.code === 4401) {
          this.token = undefined;
        }
        this.retry();
      }
    };
  }

  private async currentToken(): Promise<string | undefined> {
    const source = this.config.token;
    if (typeof source !== "function") {
      return source;
    }
    if (this.token === undefined || expiring(this.token, Date.now())) {
      this.token = await source();
    }
    return this.token;
  }

  private retry(): void {
    if (this.isClosed) {
      return;
    }
    const limit = this.options.maxReconnectAttempts;
    if (limit >= 0 && this.attempt >= limit) {
      this.giveUp(new ConnectionLostError(
        `The connection to ${this.url} was lost and ${this.attempt} reconnect attempts failed`));
      return;
    }
    const wait = backoffDelay(this.attempt++, this.options.initialBackoff, this.options.maxBackoff,
      this.options.jitter);
    this.later(wait, () => void this.dial());
  }

  private onMessage(text: string): void {
    this.lastHeard = Date.now();
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    this.config.messageObserver?.(message);
    const id = message.request_id;
    const own = typeof id === "string" ? this.internal.get(id) : undefined;
    if (own) {
      this.internal.delete(id as string);
      own(message);
      return;
    }
    const request = this.ledger.answeredRequest(id);
    if (request) {
      this.onAnswer(request, message);
    } else if (message.type === "welcome") {
      this.onWelcome(message);
    } else if (EVENT_TYPES.has(message.type as string) && typeof message.topic === "string") {
      this.subscriptions.get(message.topic)?.deliver(message as unknown as TopicEvent);
    }
  }

  private onAnswer(request: PendingRequest, message: Record<string, unknown>): void {
    const error = message.type === "error" ? message.error as Record<string, unknown> | undefined : undefined;
    if (error && REFUSED_FOR_NOW.has(error.code as string)) {
      this.ledger.refuse(request);
      this.pacer.refused(Date.now(), typeof error.retry_after_ms === "number" ? error.retry_after_ms : 100);
    } else if (error) {
      this.ledger.settle(request, undefined, new ServerError(String(error.code), String(error.message ?? ""),
        request.id, typeof error.retry_after_ms === "number" ? error.retry_after_ms : undefined));
    } else {
      this.ledger.settle(request, message);
    }
    this.sendQueued();
  }

  /** Restores subscriptions, then sends again what was in flight, then what queued, in that order. */
  private onWelcome(message: Record<string, unknown>): void {
    this.open = true;
    this.attempt = 0;
    this.connections++;
    this.latestWelcome = message;
    const limits = message.limits as { max_message_size?: number } | undefined;
    this.maxMessageSize = limits?.max_message_size;
    this.internal = new Map();
    if (this.connections > 1) {
      for (const subscription of this.subscriptions.values()) {
        this.sendInternal(subscription.message(), (answer) => subscription.resubscribed(answer.recovered === true));
      }
    }
    for (const request of this.ledger.resend()) {
      this.socket?.send(request.text);
    }
    this.sendQueued();
    this.scheduleRefresh();
    this.settleWelcome.resolve(message);
  }

  private sendQueued(): void {
    while (this.open) {
      const wait = this.pacer.delay(Date.now());
      if (wait > 0) {
        if (this.wake === undefined) {
          this.wake = this.later(wait, () => { this.wake = undefined; this.sendQueued(); });
        }
        return;
      }
      const request = this.ledger.nextToSend();
      if (!request) {
        return;
      }
      this.transmit(request);
    }
  }

  /** A request over the gateway's message limit would close the connection at every re-send: it fails unsent. */
  private transmit(request: PendingRequest): void {
    this.pacer.sent(Date.now());
    const limit = this.maxMessageSize;
    if (limit !== undefined && request.text.length > limit / 4
        && new TextEncoder().encode(request.text).length > limit) {
      this.ledger.fail(request, new ServerError("MESSAGE_TOO_LARGE",
        `The request is larger than the gateway's ${limit} bytes: not sent`, request.id));
      return;
    }
    this.socket?.send(request.text);
  }

  private sendInternal(message: Record<string, unknown>, reader: (answer: Record<string, unknown>) => void): void {
    const id = `i${++this.nextId}`;
    this.internal.set(id, reader);
    this.socket?.send(JSON.stringify({ ...message, request_id: id }));
  }

  /** Before the token expires, the supplier's next one goes over the open connection. */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    const source = this.config.token;
    const wait = typeof source === "function" && this.token ? refreshDelay(this.token, Date.now()) : undefined;
    if (wait === undefined) {
      return;
    }
    this.refreshTimer = setTimeout(async () => {
      try {
        this.token = await (source as () => string | Promise<string>)();
      } catch (error) {
        if (error instanceof UnauthorizedError) {
          this.giveUp(error);
        }
        return;
      }
      if (this.open) {
        this.sendInternal({ type: "refresh", token: this.token }, (answer) => {
          if (answer.type === "refreshed") {
            this.scheduleRefresh();
          }
        });
      }
    }, wait);
  }

  /** Pings a silent connection (a protocol ping works in browsers too), and drops one that stays silent. */
  private keepAlive(): void {
    if (!this.open || !this.socket) {
      return;
    }
    const silent = Date.now() - this.lastHeard;
    if (silent > this.options.pingInterval + this.options.pingTimeout) {
      this.socket.close(4000, "No answer to ping");
    } else if (silent > this.options.pingInterval) {
      this.sendInternal({ type: "ping" }, () => undefined);
    }
  }

  private giveUp(error: Error): void {
    if (this.isClosed) {
      return;
    }
    this.isClosed = true;
    this.open = false;
    clearInterval(this.pinger);
    clearTimeout(this.refreshTimer);
    clearTimeout(this.wake);
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    for (const request of this.ledger.drain()) {
      this.ledger.settle(request, undefined, error);
    }
    for (const subscription of this.subscriptions.values()) {
      subscription.end();
    }
    this.subscriptions.clear();
    this.settleWelcome.reject(error);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, "closed");
  }

  private later(wait: number, action: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => { this.timers.delete(timer); action(); }, wait);
    this.timers.add(timer);
    return timer;
  }

  private forget(timer: ReturnType<typeof setTimeout>): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}

/** The session's endpoint URL, from a base URL and a session id, or from the full endpoint URL. */
export function endpointUrl(url: string, sessionId: string | undefined, clientId: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/\/+$/, "");
  if (sessionId === undefined) {
    const session = path.startsWith(ENDPOINT_PATH) ? path.slice(ENDPOINT_PATH.length) : "";
    if (!session) {
      throw new TypeError(`${url} names no session: pass a session id, or the endpoint URL ws://HOST:PORT${
        ENDPOINT_PATH}SESSION`);
    }
  } else {
    parsed.pathname = path + ENDPOINT_PATH + sessionId;
  }
  parsed.searchParams.set("client_id", clientId);
  return parsed.toString();
}
