/**
 * The language-neutral scenarios of sdk/conformance/ (its README describes the format), played through the
 * TypeScript client in Node.js; frames no client would send go over a plain `ws` WebSocket.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import WebSocket from "ws";

import { AnomalyClient, ENDPOINT_PATH, ServerError, type Subscription } from "../src/index.js";
import { gateway } from "./gateway.js";
import { closeAll } from "./helpers.js";

const SCENARIOS = resolve(import.meta.dirname ?? ".", "../../../conformance/scenarios");
const WAIT = 20_000;
type Message = Record<string, unknown>;
type Step = Record<string, unknown>;

/** One named connection of a scenario and everything it received. */
class Peer {
  client: AnomalyClient | undefined;
  socket: WebSocket | undefined;
  answers: Message[] = [];
  events: Message[] = [];
  subscriptions = new Map<string, Subscription>();
  closeCode: number | undefined;
  private waiters: Array<() => void> = [];

  observe = (message: Message): void => {
    const kind = message.type as string;
    if ("topic" in message && ["anomaly", "alert", "stats", "drift"].includes(kind)) {
      this.events.push(message);
    } else if (kind !== "welcome") {
      this.answers.push(message);
    }
    this.changed();
  };

  changed(): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter();
    }
  }

  /** Waits, on the messages' arrival rather than a clock, until the condition holds. */
  async until(condition: () => boolean): Promise<void> {
    const deadline = Date.now() + WAIT;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`not within ${WAIT} ms`);
      }
      await new Promise<void>((done) => {
        const timer = setTimeout(done, left);
        this.waiters.push(() => { clearTimeout(timer); done(); });
      });
    }
  }
}

class Player {
  private readonly peers = new Map<string, Peer>();
  private readonly prefix = `conf-${randomBytes(4).toString("hex")}-`;

  async play(file: string): Promise<void> {
    const scenario = JSON.parse(readFileSync(file, "utf8")) as { steps: Step[] };
    try {
      for (const [number, step] of scenario.steps.entries()) {
        try {
          await this.step(step);
        } catch (error) {
          throw new Error(`step ${number} ${JSON.stringify(step).slice(0, 160)}: ${(error as Error).message}`);
        }
      }
    } finally {
      for (const peer of this.peers.values()) {
        await peer.client?.close();
        peer.socket?.terminate();
      }
    }
  }

  private peer(name: unknown): Peer {
    return this.peers.get(name as string)!;
  }

  private async step(step: Step): Promise<void> {
    const expect = (step.expect ?? {}) as Message;
    if ("connect" in step) {
      await this.connect(step);
    } else if ("burst" in step) {
      await this.burst(this.peer(step.on), step);
    } else if ("send" in step) {
      const until = step.until as Message | undefined;
      const times = (step.repeat as number | undefined) ?? 1;
      for (let i = 0; i < times; i++) {
        const answer = await this.send(this.peer(step.on), this.expand(step.send, i) as Message);
        check(answer, expect);
        if (until && matches(answer, until)) {
          return;
        }
      }
      assert.equal(until, undefined, `never ${JSON.stringify(until)} in ${times} answers`);
    } else if ("send_text" in step || "send_binary" in step) {
      const peer = this.peer(step.on);
      const seen = peer.answers.length;
      if (typeof step.send_text === "string") {
        const text = this.expand(step.send_text, 0) as string;
        const size = step.fragment as number | undefined;
        if (size) {
          for (let start = 0; start < text.length; start += size) {
            peer.socket!.send(text.slice(start, start + size), { fin: start + size >= text.length });
          }
        } else {
          peer.socket!.send(text);
        }
      } else {
        peer.socket!.send(Buffer.from(step.send_binary as string, "hex"));
      }
      if (step.expect) {
        await peer.until(() => peer.answers.length > seen);
        check(peer.answers[seen]!, expect);
      }
    } else if ("await_event" in step) {
      const peer = this.peer(step.on);
      const wanted = step.await_event as Message;
      const count = (step.count as number | undefined) ?? 1;
      const found = () => peer.events.filter((event) => matches(event, wanted));
      await peer.until(() => found().length >= count);
      for (const event of found().slice(0, count)) {
        check(event, expect);
      }
    } else if ("disconnect" in step) {
      await this.peer(step.disconnect).client!.close();
    } else if ("expect_close" in step) {
      const peer = this.peer(step.expect_close);
      await peer.until(() => peer.closeCode !== undefined);
      assert.equal(peer.closeCode, step.code);
    } else {
      throw new Error("unknown step");
    }
  }

  private async connect(step: Step): Promise<void> {
    const g = await gateway();
    const label = step.session as string;
    const id = /^\w+$/.test(label) ? this.prefix + label : label;
    const token = step.role === "none" ? undefined : g.token(step.role as string);
    const peer = new Peer();
    this.peers.set(step.connect as string, peer);
    if ("expect_status" in step || step.raw === true) {
      const socket = new WebSocket(`${g.url}${ENDPOINT_PATH}${id}`,
        { headers: token ? { Authorization: `Bearer ${token}` } : {}, maxPayload: 64 * 1024 * 1024 });
      const outcome = await new Promise<number | Message>((done) => {
        socket.once("unexpected-response", (_request, response) => done(response.statusCode ?? 0));
        socket.once("message", (data) => done(JSON.parse(data.toString()) as Message));
        socket.once("error", () => done(0));
      });
      if ("expect_status" in step) {
        assert.equal(outcome, step.expect_status);
        return;
      }
      assert.equal(typeof outcome, "object", "the upgrade was refused");
      peer.socket = socket;
      socket.on("message", (data) => peer.observe(JSON.parse(data.toString()) as Message));
      socket.on("close", (code) => { peer.closeCode = code; peer.changed(); });
      check(outcome as Message, (step.expect ?? { type: "welcome" }) as Message);
      return;
    }
    peer.client = new AnomalyClient(g.url, id, { token, messageObserver: peer.observe, maxReconnectAttempts: 0,
      requestTimeout: WAIT });
    check(await peer.client.connect(), (step.expect ?? { type: "welcome" }) as Message);
  }

  /** Sends through the client's own call for the type, and returns the gateway's last answer to it. */
  private async send(peer: Peer, message: Message): Promise<Message> {
    if (!peer.client) {
      const id = `raw-${randomBytes(4).toString("hex")}`;
      const seen = peer.answers.length;
      peer.socket!.send(JSON.stringify({ ...message, request_id: id }));
      const answer = () => peer.answers.slice(seen).find((a) => a.request_id === id);
      await peer.until(() => answer() !== undefined);
      return answer()!;
    }
    const config = (message.config ?? {}) as Message;
    try {
      if (message.type === "subscribe") {
        const subscription = await peer.client.subscribe(config.topic as string, {
          scope: config.scope as "session" | "all" | undefined,
          since: config.since as { epoch: string; offset: number } | undefined,
        });
        peer.subscriptions.set(subscription.topic, subscription);
      } else if (message.type === "unsubscribe") {
        await peer.client.unsubscribe(config.topic as string);
      } else {
        return await peer.client.request(message);
      }
    } catch (error) {
      if (!(error instanceof ServerError)) {
        throw error;
      }
      return [...peer.answers].reverse().find((a) => a.request_id === error.requestId)!;
    }
    return peer.answers.at(-1)!;
  }

  private async burst(peer: Peer, step: Step): Promise<void> {
    const seen = peer.answers.length;
    await Promise.all(Array.from({ length: step.burst as number },
      (_, i) => this.send(peer, this.expand(step.send, i) as Message)));
    const answers = peer.answers.slice(seen);
    const allowed = (step.expect_each as { type_in: string[] }).type_in;
    for (const answer of answers) {
      assert.ok(allowed.includes(answer.type as string), `an answer of type ${answer.type}`);
    }
    const refused = answers.find((answer) => answer.type === "error");
    assert.ok(refused, "no request of the burst was refused");
    check(refused, step.expect_some as Message);
  }

  /** Replaces the scenarios' placeholders: rows, texts, tokens and positions. */
  private expand(value: unknown, index: number): unknown {
    if (Array.isArray(value)) {
      return value.map((item) => this.expand(item, index));
    }
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.expand(item, index)]));
    }
    if (typeof value !== "string" || !value.startsWith("$")) {
      return value;
    }
    const [kind, ...parts] = value.slice(1).split(":");
    switch (kind) {
      case "row": return row(index, Number(parts[0]));
      case "rows": return Array.from({ length: Number(parts[0]) }, (_, i) => row(i, Number(parts[1])));
      case "text": return "x".repeat(Number(parts[0]));
      case "token": return gatewayToken(parts[0]!);
      case "position": return { ...this.peer(parts[0]).subscriptions.get(parts[1]!)!.position! };
      default: throw new Error(`unknown placeholder ${value}`);
    }
  }
}

let tokenSource: ((role: string) => string) | undefined;
function gatewayToken(role: string): string {
  return tokenSource!(role);
}

/** The scenarios' deterministic row: integer arithmetic, so that every language makes the same one. */
function row(index: number, dims: number): number[] {
  return Array.from({ length: dims }, (_, k) => ((index * (k + 1) * 7919) % 1000) / 1000);
}

function check(message: Message, expect: Message): void {
  const shown = JSON.stringify(message).slice(0, 300);
  if ("code" in expect) {
    const error = message.error as Message | undefined;
    assert.ok(message.type === "error" && message.success === false && error?.code === expect.code && error?.message,
      `expected ${String(expect.code)}, got ${shown}`);
  }
  if ("type" in expect) {
    assert.equal(message.type, expect.type, shown);
  }
  if ("success" in expect) {
    assert.equal(message.success, expect.success, shown);
  }
  for (const path of (expect.keys ?? []) as string[]) {
    assert.ok(lookup(message, path).found, `no ${path} in ${shown}`);
  }
  for (const [path, wanted] of Object.entries((expect.values ?? {}) as Message)) {
    assert.deepEqual(lookup(message, path).value, wanted, `${path} in ${shown}`);
  }
}

function matches(message: Message, wanted: Message): boolean {
  return Object.entries(wanted).every(([path, value]) => {
    const found = lookup(message, path);
    return found.found && JSON.stringify(found.value) === JSON.stringify(value);
  });
}

function lookup(message: unknown, path: string): { found: boolean; value?: unknown } {
  let node = message;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object" || !(part in (node as object))) {
      return { found: false };
    }
    node = (node as Record<string, unknown>)[part];
  }
  return { found: true, value: node };
}

describe("conformance scenarios through the TypeScript client", () => {
  after(closeAll);
  for (const file of readdirSync(SCENARIOS).filter((name) => name.endsWith(".json")).sort()) {
    it(file.replace(/\.json$/, ""), async () => {
      const g = await gateway();
      tokenSource = (role) => g.token(role);
      await new Player().play(join(SCENARIOS, file));
    });
  }
});
