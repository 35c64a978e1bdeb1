import { ServerError } from "./errors.js";
import type { BatchResult, DetectionResult, DriftResult, SessionStats, TopicEvent } from "./models.js";

/** The topics a session's events are published on. */
export type TopicName = "anomalies" | "alerts" | "drift" | "stats";
/** The node-wide addresses every role may follow: each gateway's own stats, and node alerts. */
export type NodeTopic = "stats" | "alerts";

/** The bridge's public request address; every other address but the topics is refused. */
export const GATEWAY_REQUEST = "anomaly.gateway.request";

/** @returns the address of a session's topic, or of every session's with `"*"` (admins only) */
export function topicAddress(topic: TopicName, session: string): string {
  return session === "*" ? `anomaly.topic.${topic}` : `anomaly.topic.${topic}.${session}`;
}

/** @returns the address of a node-wide topic */
export function nodeAddress(topic: NodeTopic): string {
  return `anomaly.node.${topic}`;
}

/** The part of `@vertx/eventbus-bridge-client.js`'s `EventBus` these helpers use. */
export interface EventBusLike {
  onopen: (() => void) | null;
  onclose: ((event?: unknown) => void) | null;
  onerror: ((error: { body?: unknown } | undefined) => void) | null;
  enableReconnect(enable: boolean): void;
  registerHandler(address: string, headers: object, callback: (error: unknown, message: { body: unknown }) => void): void;
  unregisterHandler(address: string, headers: object, callback: (error: unknown, message: { body: unknown }) => void): void;
  send(address: string, body: unknown, headers: object, callback: (error: unknown, message?: { body: unknown }) => void): void;
  close(): void;
}

/** What the bridge's connection is doing: `refused` carries the bridge's reason (`token_expired` ends it). */
export type BridgeState = { state: "open" } | { state: "closed" } | { state: "refused"; reason: string };

/**
 * Typed helpers over the SockJS event-bus bridge (`/eventbus`) for pages and dashboards: follow a session's
 * topics and the node's, and send `sample`, `batch`, `stats`, `drift` and `ping` requests, answered as over the
 * WebSocket protocol and failing with the same `ServerError`. The token travels with every message, so a fresh one
 * (`setToken`) applies at once. Registrations are made again after every reconnect.
 */
export class AnomalyBridge {
  private readonly bus: EventBusLike;
  private readonly handlers = new Map<string, (error: unknown, message: { body: unknown }) => void>();
  private open = false;

  /**
   * @param bus an `EventBus` of `@vertx/eventbus-bridge-client.js` opened on the gateway's `/eventbus?token=...`
   * @param token the bearer token each message carries
   * @param onState told when the bridge opens, closes or refuses something
   */
  constructor(bus: EventBusLike, private token: string | undefined, onState: (state: BridgeState) => void = () => {}) {
    this.bus = bus;
    bus.enableReconnect(true);
    bus.onopen = () => {
      this.open = true;
      for (const [address, handler] of this.handlers) {
        bus.registerHandler(address, this.headers(), handler);
      }
      onState({ state: "open" });
    };
    bus.onclose = () => {
      this.open = false;
      onState({ state: "closed" });
    };
    bus.onerror = (error) => {
      const reason = typeof error?.body === "string" ? error.body : "error";
      if (reason === "token_expired") {
        bus.enableReconnect(false); // reconnecting with the expired token would only be refused
      }
      onState({ state: "refused", reason });
    };
  }

  /** Uses a fresh token from the next message on. */
  setToken(token: string): void {
    this.token = token;
  }

  /** Follows a session's topic (`"*"`: every session's, for admins); returns what stops it. */
  subscribe(topic: TopicName, session: string, callback: (event: TopicEvent) => void): () => void {
    return this.follow(topicAddress(topic, session), callback);
  }

  /** Follows a node-wide topic; returns what stops it. */
  subscribeNode(topic: NodeTopic, callback: (event: TopicEvent) => void): () => void {
    return this.follow(nodeAddress(topic), callback);
  }

  /** Scores one sample of a session. */
  sample(session: string, data: ArrayLike<number>, algorithm?: string): Promise<DetectionResult> {
    return this.request(session, { type: "sample", data: Array.from(data), algorithm }) as Promise<unknown> as
      Promise<DetectionResult>;
  }

  /** Scores rows of a session in order. */
  batch(session: string, rows: ArrayLike<ArrayLike<number>>, algorithm?: string): Promise<BatchResult> {
    return this.request(session, { type: "batch", batch_data: Array.from(rows, (row) => Array.from(row)),
      algorithm }) as Promise<unknown> as Promise<BatchResult>;
  }

  /** A session's statistics. */
  async stats(session: string): Promise<SessionStats> {
    return (await this.request(session, { type: "stats" })).stats as SessionStats;
  }

  /** A session's drift check (see `AnomalyClient.checkDrift`). */
  drift(session: string, check: { windowSize?: number; method?: string; alpha?: number } = {}): Promise<DriftResult> {
    return this.request(session, { type: "drift", window_size: check.windowSize, method: check.method,
      alpha: check.alpha }) as Promise<unknown> as Promise<DriftResult>;
  }

  /** Resolves with the answer to a protocol request about a session; rejects with `ServerError` on an error. */
  request(session: string, message: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      this.bus.send(GATEWAY_REQUEST, { ...message, session_id: session }, this.headers(), (error, reply) => {
        const answer = reply?.body as Record<string, unknown> | undefined;
        if (error || !answer) {
          const failure = error as { message?: string; failureCode?: number } | undefined;
          reject(new ServerError("FORBIDDEN", failure?.message ?? "The bridge refused the request"));
        } else if (answer.type === "error") {
          const detail = answer.error as { code: string; message: string; retry_after_ms?: number };
          reject(new ServerError(detail.code, detail.message, answer.request_id as string | undefined,
            detail.retry_after_ms));
        } else {
          resolve(answer);
        }
      });
    });
  }

  /** Closes the bridge's socket, quietly: no state change is reported after this. */
  close(): void {
    this.bus.enableReconnect(false);
    this.bus.onclose = null;
    this.bus.onerror = null;
    this.bus.close();
  }

  private follow(address: string, callback: (event: TopicEvent) => void): () => void {
    const handler = (error: unknown, message: { body: unknown }) => {
      if (!error) {
        callback(message.body as TopicEvent);
      }
    };
    this.handlers.set(address, handler);
    if (this.open) {
      this.bus.registerHandler(address, this.headers(), handler);
    }
    return () => {
      this.handlers.delete(address);
      if (this.open) {
        this.bus.unregisterHandler(address, this.headers(), handler);
      }
    };
  }

  private headers(): Record<string, string> {
    return this.token ? { token: this.token } : {};
  }
}
