import { QueueFullError } from "./errors.js";
import type { ClientStatistics } from "./models.js";

/** A request and its promise's settlement; its id and text stay the same through every re-send. */
export interface PendingRequest {
  id: string;
  text: string;
  started: number;
  settled: boolean;
  resolve(message: Record<string, unknown>): void;
  reject(error: Error): void;
  timer?: ReturnType<typeof setTimeout>;
}

const LATENCY_SAMPLES = 65_536;

/**
 * Every request without an outcome: queued for a connection (bounded, with the overflow policy), refused for now
 * (sent again first, in the order refused) and in flight (in send order, to send again in that order after a
 * reconnect), and the counters. Whoever removes a request settles it, exactly once.
 */
export class Ledger {
  private readonly queued: PendingRequest[] = [];
  private readonly refused: PendingRequest[] = [];
  private readonly inFlight = new Map<string, PendingRequest>();
  private readonly latencies: number[] = [];
  private next = 0;
  private maxLatency = 0;
  sent = 0;
  answered = 0;
  errors = 0;
  dropped = 0;

  constructor(private readonly maxQueued: number, private readonly maxInFlight: number,
              private readonly policy: "reject" | "drop_oldest") {}

  queue(request: PendingRequest): void {
    if (this.queued.length >= this.maxQueued) {
      this.dropped++;
      const loser = this.policy === "reject" ? request : this.queued.shift()!;
      this.settle(loser, undefined, new QueueFullError(
        `The send queue holds ${this.maxQueued} requests (overflow policy ${this.policy})`));
      if (loser === request) {
        return;
      }
    }
    this.queued.push(request);
  }

  refuse(request: PendingRequest): void {
    this.refused.push(request);
  }

  canSend(): boolean {
    return this.queued.length === 0 && this.refused.length === 0 && this.inFlight.size < this.maxInFlight;
  }

  /** The next waiting request (refused ones first), now in flight, or undefined. */
  nextToSend(): PendingRequest | undefined {
    if (this.inFlight.size >= this.maxInFlight) {
      return undefined;
    }
    const request = this.refused.shift() ?? this.queued.shift();
    if (request) {
      this.sending(request);
    }
    return request;
  }

  sending(request: PendingRequest): void {
    this.inFlight.set(request.id, request);
    this.sent++;
  }

  /** The requests in flight in the order first sent (a Map keeps insertion order); each counts as sent again. */
  resend(): PendingRequest[] {
    this.sent += this.inFlight.size;
    return [...this.inFlight.values()];
  }

  /** The request an answer is for, no longer pending, or undefined (already settled: a late answer). */
  answeredRequest(id: unknown): PendingRequest | undefined {
    const request = typeof id === "string" ? this.inFlight.get(id) : undefined;
    if (!request) {
      return undefined;
    }
    this.inFlight.delete(request.id);
    this.answered++;
    const latency = performance.now() - request.started;
    if (this.latencies.length < LATENCY_SAMPLES) {
      this.latencies.push(latency);
    } else {
      this.latencies[this.next % LATENCY_SAMPLES] = latency;
    }
    this.next++;
    this.maxLatency = Math.max(this.maxLatency, latency);
    return request;
  }

  /** Fails a request wherever it waits, and forgets it. */
  fail(request: PendingRequest, error: Error): void {
    if (!this.inFlight.delete(request.id)) {
      remove(this.queued, request);
      remove(this.refused, request);
    }
    this.settle(request, undefined, error);
  }

  settle(request: PendingRequest, message?: Record<string, unknown>, error?: Error): void {
    if (request.settled) {
      return;
    }
    request.settled = true;
    clearTimeout(request.timer);
    if (error) {
      this.errors++;
      request.reject(error);
    } else {
      request.resolve(message!);
    }
  }

  /** Every pending request, forgotten: the client gives up on them. */
  drain(): PendingRequest[] {
    const all = [...this.inFlight.values(), ...this.refused, ...this.queued];
    this.inFlight.clear();
    this.refused.length = 0;
    this.queued.length = 0;
    return all;
  }

  isEmpty(): boolean {
    return this.inFlight.size === 0 && this.queued.length === 0 && this.refused.length === 0;
  }

  statistics(reconnects: number): ClientStatistics {
    const ordered = [...this.latencies].sort((a, b) => a - b);
    const percentile = (p: number) => ordered.length === 0 ? 0 : ordered[Math.min(ordered.length - 1,
      Math.floor(p * ordered.length))]!;
    return { sent: this.sent, answered: this.answered, errors: this.errors, reconnects, dropped: this.dropped,
      queued: this.queued.length + this.refused.length, inFlight: this.inFlight.size, latencyP50: percentile(0.5),
      latencyP99: percentile(0.99), latencyMax: this.maxLatency };
  }
}

function remove(requests: PendingRequest[], request: PendingRequest): void {
  const at = requests.indexOf(request);
  if (at >= 0) {
    requests.splice(at, 1);
  }
}
