import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";

import { endpointUrl, ERROR_CODES } from "../src/index.js";
import { backoffDelay, expiring, Pacer, refreshDelay } from "../src/policy.js";

function tokenExpiringAt(exp: number): string {
  return `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: "t", exp })).toString("base64url")}.signature`;
}

describe("the client's small parts", () => {
  it("back-off grows exponentially within its jitter up to the maximum", () => {
    for (const [attempt, ceiling] of [[0, 100], [1, 200], [3, 800], [20, 10_000]] as const) {
      const delays = Array.from({ length: 200 }, () => backoffDelay(attempt, 100, 10_000, 0.5));
      assert.ok(delays.every((d) => d >= ceiling / 2 && d <= ceiling));
      assert.ok(Math.max(...delays) - Math.min(...delays) > ceiling * 0.3);
    }
  });

  it("a token is refreshed a third of its life before expiry, at most thirty seconds", () => {
    assert.equal(refreshDelay(tokenExpiringAt(1_060), 1_000_000), 40_000);
    assert.equal(refreshDelay(tokenExpiringAt(4_600), 1_000_000), 3_570_000);
    assert.equal(refreshDelay("not-a-token", 1_000_000), undefined);
    assert.ok(expiring(tokenExpiringAt(1_010), 1_000_000) && !expiring(tokenExpiringAt(1_100), 1_000_000));
  });

  it("after a refusal requests go one per retry delay until a calm second", () => {
    const pacer = new Pacer();
    assert.equal(pacer.delay(0), 0);
    pacer.refused(10_000, 20);
    assert.equal(pacer.delay(10_000), 20);
    pacer.sent(10_020);
    assert.equal(pacer.delay(10_020), 20);
    pacer.sent(11_500);
    assert.equal(pacer.delay(11_500), 0);
  });

  it("the endpoint comes from a base URL and a session, or from the full URL", () => {
    assert.equal(endpointUrl("ws://h:8000", "s1", "c"), "ws://h:8000/api/v1/streaming/enhanced/s1?client_id=c");
    assert.equal(endpointUrl("wss://h/api/v1/streaming/enhanced/s2?token=t", undefined, "c"),
      "wss://h/api/v1/streaming/enhanced/s2?token=t&client_id=c");
    assert.throws(() => endpointUrl("ws://h:8000", undefined, "c"), TypeError);
    assert.throws(() => endpointUrl("ws://h:8000/api/v1/streaming/enhanced/", undefined, "c"), TypeError);
  });

  it("the client knows every error code of the contract", () => {
    const contract = readFileSync(resolve(import.meta.dirname ?? ".", "../../../asyncapi.yaml"), "utf8");
    const block = /^ {4}ErrorCode:\n(?: {6}.*\n)*? {6}enum:\n((?: {8}- [A-Z_]+\n)+)/m.exec(contract);
    assert.ok(block, "no ErrorCode enum in the contract");
    const codes = block[1]!.trim().split("\n").map((line) => line.trim().slice(2));
    assert.deepEqual([...codes].sort(), [...ERROR_CODES].sort());
  });
});
