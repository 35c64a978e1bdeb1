import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, describe, it } from "node:test";

import {
  AnomalyClient, AnomalyGatewayError, ConnectionLostError, ConnectionRefusedError, QueueFullError,
  RequestTimeoutError, ServerError, UnauthorizedError,
} from "../src/index.js";
import { gateway, session } from "./gateway.js";
import { closeAll, connect } from "./helpers.js";

/** A port nothing listens on. */
async function nowhere(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as { port: number }).port;
  await new Promise((done) => server.close(done));
  return `ws://127.0.0.1:${port}`;
}

describe("typed errors", () => {
  after(closeAll);

  it("a dimension mismatch rejects with its code, and the connection carries on", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("mismatch"), { token: g.token("producer") });
    await client.sendSample([1, 2]);
    const error = await client.sendSample([1, 2, 3]).catch((e: unknown) => e);
    assert.ok(error instanceof ServerError && error instanceof AnomalyGatewayError && error instanceof Error);
    assert.equal(error.code, "DIMENSION_MISMATCH");
    assert.equal(error.temporary, false);
    assert.ok(error.requestId);
    assert.equal((await client.sendSample([3, 4])).metadata.buffer_size, 2);
  });

  it("bad requests reject with their codes", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("codes"), { token: g.token("producer") });
    const cases: Array<[Promise<unknown>, string]> = [
      [client.sendSample([1], { algorithm: "crystal_ball" }), "UNKNOWN_ALGORITHM"],
      [client.sendBatch([[1, 2], [1]]), "RAGGED_BATCH"],
      [client.sendBatch([]), "EMPTY_BATCH"],
      [client.sendConfig({ no_such_setting: 1 }), "INVALID_CONFIG"],
      [client.checkDrift({ windowSize: 1 }), "INVALID_FIELD"],
      [client.request({ type: "teleport" }), "UNKNOWN_TYPE"],
    ];
    for (const [call, code] of cases) {
      await assert.rejects(call, (error: unknown) => error instanceof ServerError && error.code === code);
    }
  });

  it("a viewer may not score", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("viewer"), { token: g.token("viewer") });
    await assert.rejects(client.sendSample([1]), (e: unknown) => e instanceof ServerError && e.code === "FORBIDDEN");
  });

  it("NaN is refused before sending", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("nan"), { token: g.token("producer") });
    await assert.rejects(client.sendSample([Number.NaN]), RangeError);
    assert.equal(client.statistics().sent, 0);
  });

  it("a request over the message limit fails unsent", async () => {
    const g = await gateway();
    const client = await connect(g.url, session("large"), { token: g.token("producer") });
    const big = Array.from({ length: 9_000 }, () => Array(100).fill(0.123456789) as number[]);
    await assert.rejects(client.sendBatch(big), (e: unknown) => e instanceof ServerError
      && e.code === "MESSAGE_TOO_LARGE");
    assert.equal(client.statistics().reconnects, 0);
    assert.ok(await client.ping() > 0);
  });

  it("an invalid static token stops the client", async () => {
    const g = await gateway();
    const client = new AnomalyClient(g.url, session("token"), { token: "not-a-token" });
    await assert.rejects(client.connect(), UnauthorizedError);
    assert.ok(client.closed);
  });

  it("a malformed session id is refused for good", async () => {
    const g = await gateway();
    const client = new AnomalyClient(g.url, "bad!session", { token: g.token("producer") });
    await assert.rejects(client.connect(), (e: unknown) => e instanceof ConnectionRefusedError && e.status === 400);
  });

  it("a request without a gateway times out", async () => {
    const client = new AnomalyClient(await nowhere(), session("nowhere"), { initialBackoff: 50 });
    await assert.rejects(client.sendSample([1], { timeout: 300 }), RequestTimeoutError);
    await client.close();
  });

  for (const [policy, loser] of [["reject", 2], ["drop_oldest", 0]] as const) {
    it(`a full queue fails the request its policy names (${policy})`, async () => {
      const client = new AnomalyClient(await nowhere(), session("queue"), { maxQueueSize: 2, overflowPolicy: policy });
      const pending = [0, 1, 2].map((i) => client.sendSample([i]));
      await assert.rejects(pending[loser]!, QueueFullError);
      assert.equal(client.statistics().dropped, 1);
      await client.close();
      for (const request of pending) {
        await assert.rejects(request, (e: unknown) => e instanceof QueueFullError || e instanceof ConnectionLostError);
      }
    });
  }

  it("closing fails what is pending with ConnectionLostError", async () => {
    const client = new AnomalyClient(await nowhere(), session("close"));
    const pending = client.sendSample([1]);
    await client.close();
    await assert.rejects(pending, ConnectionLostError);
    await assert.rejects(client.sendSample([1]), ConnectionLostError);
  });
});
