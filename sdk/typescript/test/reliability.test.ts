import assert from "node:assert/strict";
import { after, describe, it } from "node:test";

import type { TopicEvent } from "../src/index.js";
import { gateway, session } from "./gateway.js";
import { closeAll, connect, fitted, OUTLIER, rows, until } from "./helpers.js";
import { CuttableProxy } from "./proxy.js";

describe("exactly once through faults, recovery, refresh and rate limits", () => {
  const proxies: CuttableProxy[] = [];
  after(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await closeAll();
  });

  async function proxy(): Promise<CuttableProxy> {
    const started = await new CuttableProxy((await gateway()).port).start();
    proxies.push(started);
    return started;
  }

  it("10,000 samples through three cuts are each scored once", async () => {
    const g = await gateway();
    const cuttable = await proxy();
    const client = await connect(cuttable.url, session("cuts"), { token: g.token("producer"), initialBackoff: 50 });
    let answered = 0;
    const results = await Promise.all(rows(10_000, 4, 9).map(async (row) => {
      const result = await client.sendSample(row);
      if (++answered % 2_500 === 0 && answered < 10_000) {
        cuttable.cut();
      }
      return result;
    }));
    assert.equal(new Set(results.map((result) => result.sample_id)).size, 10_000);
    assert.equal((await client.getStats()).streaming.total_samples, 10_000);
    const s = client.statistics();
    assert.equal(cuttable.cuts, 3);
    assert.equal(s.reconnects, 3);
    assert.equal(s.errors, 0);
  });

  it("a subscription recovers the events missed while disconnected, in order", async () => {
    const g = await gateway();
    const cuttable = await proxy();
    const id = session("recovery");
    const source = await connect(g.url, id, { token: g.token("producer") });
    const watcher = await connect(cuttable.url, id, { token: g.token("viewer"), initialBackoff: 50 });
    const events: TopicEvent[] = [];
    const recoveries: boolean[] = [];
    await watcher.subscribe("anomalies", { callback: (event) => events.push(event),
      onRecovery: (recovered) => recoveries.push(recovered) });
    await fitted(source);
    await source.sendSample(OUTLIER);
    await until(() => events.some((event) => (event.data as number[])[0] === 40));
    cuttable.hold();
    await until(() => !watcher.connected);
    for (const value of [41, 42]) {
      assert.ok((await source.sendSample([value, value, value])).is_anomaly);
    }
    cuttable.release();
    await until(() => recoveries.length > 0);
    assert.deepEqual(recoveries, [true]);
    const missed = () => events.map((event) => (event.data as number[])[0]).filter((value) => value! >= 41);
    await until(() => missed().length === 2);
    assert.deepEqual(missed(), [41, 42]);
  });

  it("the token is refreshed before it expires, without reconnecting", async () => {
    const g = await gateway();
    const later = g.token("producer");
    const short = g.token("producer", "10s"); // minted last: its lifetime starts just before the client connects
    const minted = Date.now();
    const handed: string[] = [];
    let refreshed = false;
    const client = await connect(g.url, session("refresh"), {
      token: () => { handed.push(handed.length === 0 ? short : later); return handed.at(-1)!; },
      messageObserver: (message) => { refreshed ||= message.type === "refreshed"; },
    });
    await until(() => refreshed, 30_000);
    const pastExpiry = minted + 11_000;
    await until(() => Date.now() > pastExpiry, 30_000);
    assert.ok((await client.sendSample([1, 2])).sample_id);
    assert.deepEqual(handed, [short, later]);
    assert.equal(client.statistics().reconnects, 0);
  });

  it("rate-limited requests are waited out, paced, without a disconnect", async () => {
    const g = await gateway();
    let refusals = 0;
    const client = await connect(g.url, session("limited"), {
      token: g.token("viewer"),
      messageObserver: (message) => {
        const error = message.error as { code?: string; retry_after_ms?: number } | undefined;
        if (error?.code === "RATE_LIMITED" && typeof error.retry_after_ms === "number") {
          refusals++;
        }
      },
    });
    const roundTrips = await Promise.all(Array.from({ length: 150 }, () => client.ping()));
    assert.equal(roundTrips.length, 150);
    assert.ok(refusals > 0);
    assert.equal(client.statistics().errors, 0);
    assert.equal(client.statistics().reconnects, 0);
  });
});
