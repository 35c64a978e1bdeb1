import assert from "node:assert/strict";
import { after, describe, it } from "node:test";

import { AnomalyClient, ENDPOINT_PATH, type TopicEvent } from "../src/index.js";
import { gateway, session } from "./gateway.js";
import { closeAll, connect, fitted, OUTLIER, rows, until } from "./helpers.js";

describe("every call of the client", () => {
  after(closeAll);

  it("sendSample resolves with the verdict under the protocol's names", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("sample"), { token: g.token("producer") });
    const result = await client.sendSample([0.5, 1.2, -0.3], { timestamp: "2025-07-23T10:30:01Z" });
    assert.ok(result.sample_id);
    assert.equal(result.algorithm, "isolation_forest");
    assert.equal(result.is_anomaly, false);
    assert.equal(result.confidence_score, 0);
    assert.equal(result.metadata.buffer_size, 1);
  });

  it("flags and explains an outlier once the model is fitted", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("outlier"), { token: g.token("producer") });
    await fitted(client);
    const result = await client.sendSample(Float64Array.from(OUTLIER));
    assert.ok(result.is_anomaly && result.confidence_score > result.metadata.threshold!);
    const explanation = result.metadata.explanation!;
    assert.equal(explanation[0]!.direction, "above");
    assert.ok(Math.abs(explanation.reduce((sum, f) => sum + f.contribution, 0) - 1) < 0.02);
  });

  it("sendSample and sendBatch take another algorithm", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("algorithm"), { token: g.token("producer") });
    assert.equal((await client.sendSample([1, 2], { algorithm: "one_class_svm" })).algorithm, "one_class_svm");
    const batch = await client.sendBatch(rows(40, 2, 3), { algorithm: "random_cut_forest" });
    assert.equal(batch.count, 40);
    assert.equal(batch.algorithm, "random_cut_forest");
    assert.deepEqual(batch.results.map((row) => row.index), [...Array(40).keys()]);
  });

  it("getStats counts the session's samples", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("stats"), { token: g.token("producer") });
    await client.sendBatch(rows(25, 3, 4));
    const stats = await client.getStats();
    assert.equal(stats.streaming.total_samples, 25);
    assert.equal(stats.client.client_id, client.clientId);
  });

  it("checkDrift compares and resets", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("drift"), { token: g.token("producer") });
    const early = await client.checkDrift({ windowSize: 100 });
    assert.equal(early.status, "insufficient_data");
    assert.equal(early.samples_needed, 600);
    await client.sendBatch(rows(500, 3, 5));
    await client.sendBatch(rows(200, 3, 6).map(([a, b, c]) => [a! + 4, b!, c!]));
    const drift = await client.checkDrift({ windowSize: 200, method: "ks", alpha: 0.01 });
    assert.equal(drift.status, "ok");
    assert.ok(drift.drift_detected && drift.features[0]!.drifted);
    assert.equal((await client.checkDrift({ reset: true })).status, "reset");
  });

  it("sendConfig changes and reads settings", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("config"), { token: g.token("producer") });
    const changed = await client.sendConfig({ buffer_size: 400, contamination: 0.1 });
    assert.equal(changed.buffer_size, 400);
    assert.equal((await client.sendConfig()).buffer_size, 400);
  });

  it("ping measures a round trip, refresh swaps the token, request sends anything", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("ping"), { token: g.token("producer") });
    const roundTrip = await client.ping();
    assert.ok(roundTrip > 0 && roundTrip < 5_000);
    assert.ok(await client.refresh(g.token("producer", "2h")));
    assert.equal((await client.request({ type: "ping" })).type, "pong");
  });

  it("a subscription is an async iterator of events, ended by unsubscribe", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("iterator"), { token: g.token("producer") });
    const subscription = await client.subscribe("anomalies");
    await fitted(client);
    await client.sendSample(OUTLIER);
    let found: TopicEvent | undefined;
    for await (const event of subscription) {
      if ((event.data as number[])[0] === 40) {
        found = event;
        break;
      }
    }
    assert.equal(found!.type, "anomaly");
    assert.ok(subscription.position!.offset >= found!.offset!);
    assert.equal(await subscription.unsubscribe(), true);
  });

  it("a subscription hands events to a callback", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("callback"), { token: g.token("producer") });
    const seen: TopicEvent[] = [];
    await client.subscribe("anomalies", { callback: (event) => seen.push(event) });
    await fitted(client);
    await client.sendSample(OUTLIER);
    await until(() => seen.some((event) => (event.data as number[])[0] === 40));
  });

  it("a subscription since a foreign position is not recovered", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("foreign"), { token: g.token("producer") });
    const subscription = await client.subscribe("anomalies", { since: { epoch: "another-gateway", offset: 12 } });
    assert.equal(subscription.recovered, false);
  });

  it("the full endpoint URL names the session", async () => {
    const g = await gateway();
    const id = session("endpoint");
    const client = await connect(`${g.url}${ENDPOINT_PATH}${id}`, undefined,
      { token: g.token("producer"), clientId: "service-1" });
    assert.equal(client.welcome!.session_id, id);
    assert.equal(client.welcome!.client_id, "service-1");
    assert.ok(client.connected);
  });

  it("statistics count requests and latency", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("statistics"), { token: g.token("producer") });
    await Promise.all(rows(50, 3, 7).map((row) => client.sendSample(row)));
    const s = client.statistics();
    assert.deepEqual([s.sent, s.answered, s.errors, s.reconnects, s.queued, s.inFlight], [50, 50, 0, 0, 0, 0]);
    assert.ok(s.latencyP50 > 0 && s.latencyP50 <= s.latencyP99 && s.latencyP99 <= s.latencyMax);
  });

  it("requests made before connecting wait for the connection, and close drains them", async () => {
    const g = await gateway();
    const client = new AnomalyClient(g.url, session("early"), { token: g.token("producer") });
    const pending = [1, 2, 3, 4, 5].map((i) => client.sendSample([i, 1]));
    const results = await Promise.all(pending);
    assert.deepEqual(results.map((r) => r.metadata.buffer_size), [1, 2, 3, 4, 5]);
    const more = rows(20, 2, 8).map((row) => client.sendSample(row));
    await client.close({ drain: 20_000 });
    assert.equal((await Promise.all(more)).length, 20);
    assert.ok(client.closed);
  });
});
