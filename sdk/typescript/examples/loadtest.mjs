#!/usr/bin/env node
// One connection of the TypeScript client in Node.js: samples with 1 and with 32 requests in flight, then batches;
// rates and latency percentiles, and the same as one JSON line for scripts. Build first: npm ci && npm run build.
//   node sdk/typescript/examples/loadtest.mjs --url ws://localhost:8000 --token $TOKEN --samples 20000
import { parseArgs } from "node:util";

import { AnomalyClient } from "../dist/index.js";

const { values } = parseArgs({ options: {
  url: { type: "string", default: "ws://localhost:8000" },
  session: { type: "string", default: "ts-load" },
  token: { type: "string", default: process.env.ANOMALY_TOKEN },
  samples: { type: "string", default: "20000" },
  batches: { type: "string", default: "50" },
} });
const samples = Number(values.samples);

function rows(count, seed) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => Array.from({ length: 8 }, () => next() * 2 - 1));
}

async function run(client, count, window) {
  const table = rows(count, 1);
  const latencies = [];
  let index = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: window }, async () => {
    while (index < table.length) {
      const row = table[index++];
      const begun = performance.now();
      await client.sendSample(row);
      latencies.push(performance.now() - begun);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { window, samples: count, per_second: count / seconds, p50_ms: latencies[Math.floor(count / 2)],
    p99_ms: latencies[Math.floor(count * 0.99)] };
}

const report = {};
for (const window of [1, 32]) {
  const client = new AnomalyClient(values.url, `${values.session}-w${window}`, { token: values.token });
  await client.connect();
  await run(client, Math.min(samples, 500), window);
  const figures = report[`window_${window}`] = await run(client, samples, window);
  await client.close();
  console.log(`samples, window ${String(window).padStart(2)}: ${figures.per_second.toFixed(0).padStart(9)}/s   ` +
    `p50 ${figures.p50_ms.toFixed(2)} ms   p99 ${figures.p99_ms.toFixed(2)} ms`);
}
const client = new AnomalyClient(values.url, `${values.session}-batch`, { token: values.token });
await client.connect();
const batch = rows(100, 2);
const started = performance.now();
await Promise.all(Array.from({ length: Number(values.batches) }, () => client.sendBatch(batch)));
report.batches = { batches: Number(values.batches), batch_size: 100,
  rows_per_second: Number(values.batches) * 100 / ((performance.now() - started) / 1000) };
await client.close();
console.log(`batches of 100: ${report.batches.rows_per_second.toFixed(0).padStart(9)} rows/s`);
console.log(JSON.stringify(report));
