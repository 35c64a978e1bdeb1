import type { Position, TopicEvent } from "./models.js";

/**
 * A followed topic, restored after every reconnect from the last event received. Read it with
 * `for await (const event of subscription)`, or give `subscribe` a callback. Events wait in a bounded buffer, so
 * the socket's reader never waits on user code; when it is full the oldest event gives way (`dropped` counts them).
 */
export class Subscription implements AsyncIterable<TopicEvent> {
  /** The last event received with a position, to resume from. */
  position: Position | undefined;
  /**
   * How the last re-subscription (or a first one made with `since`) went: `true` when every missed event was
   * replayed, `false` when some may be lost (reload what you build from the topic), undefined before any.
   */
  recovered: boolean | undefined;
  /** Events dropped because the reader fell more than the buffer behind. */
  dropped = 0;
  private readonly buffer: TopicEvent[] = [];
  private readonly waiting: Array<(result: IteratorResult<TopicEvent>) => void> = [];
  private ended = false;

  constructor(readonly topic: string, readonly scope: string, since: Position | undefined,
              private readonly capacity: number, private readonly onRecovery?: (recovered: boolean) => void,
              private readonly unsubscribeFrom?: (topic: string) => Promise<boolean>) {
    this.position = since;
  }

  /** @internal The subscribe message, with the position to resume from. */
  message(): Record<string, unknown> {
    const config: Record<string, unknown> = { topic: this.topic, scope: this.scope };
    if (this.position) {
      config.since = { ...this.position };
    }
    return { type: "subscribe", config };
  }

  /** @internal Hands an event over without waiting. */
  deliver(event: TopicEvent): void {
    if (this.ended) {
      return;
    }
    if (typeof event.epoch === "string" && typeof event.offset === "number" && this.scope === "session") {
      this.position = { epoch: event.epoch, offset: event.offset };
    }
    const reader = this.waiting.shift();
    if (reader) {
      reader({ value: event, done: false });
      return;
    }
    if (this.buffer.length >= this.capacity) {
      this.buffer.shift();
      this.dropped++;
    }
    this.buffer.push(event);
  }

  /** @internal */
  resubscribed(recovered: boolean): void {
    this.recovered = recovered;
    if (this.onRecovery) {
      queueMicrotask(() => this.onRecovery!(recovered));
    }
  }

  /** @internal No more events: the iteration ends once the buffered ones are read. */
  end(): void {
    this.ended = true;
    for (const reader of this.waiting.splice(0)) {
      reader({ value: undefined, done: true });
    }
  }

  /** Stops following the topic; resolves to whether the gateway had the subscription. */
  unsubscribe(): Promise<boolean> {
    return this.unsubscribeFrom ? this.unsubscribeFrom(this.topic) : Promise.resolve(false);
  }

  [Symbol.asyncIterator](): AsyncIterator<TopicEvent> {
    return {
      next: () => {
        const event = this.buffer.shift();
        if (event) {
          return Promise.resolve({ value: event, done: false });
        }
        if (this.ended) {
          return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve) => this.waiting.push(resolve));
      },
      return: () => Promise.resolve({ value: undefined, done: true }),
    };
  }
}
