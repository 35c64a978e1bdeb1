import { AnomalyClient, type ClientOptions } from "../src/index.js";
import { gateway } from "./gateway.js";

export const OUTLIER = [40, 40, 40];

/** Deterministic normal-ish rows (a seeded generator), so that runs are comparable. */
export function rows(count: number, dims: number, seed: number): number[][] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => Array.from({ length: dims }, () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  }));
}

const open: AnomalyClient[] = [];

/** A connected client, closed after the file's tests. */
export async function connect(url: string, sessionId: string | undefined, options: ClientOptions = {}):
    Promise<AnomalyClient> {
  const client = new AnomalyClient(url, sessionId, options);
  open.push(client);
  await client.connect();
  return client;
}

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((client) => client.close()));
  await (await gateway()).stop();
}

/** Streams normal rows until the session's model is fitted. */
export async function fitted(client: AnomalyClient): Promise<void> {
  await client.sendBatch(rows(150, 3, 1));
  for (const row of rows(300, 3, 2)) {
    if ((await client.sendSample(row)).metadata.model_fitted) {
      return;
    }
  }
  throw new Error("the model never fitted");
}

/** Waits for a condition the test cannot be told about directly, checking it as the loop turns. */
export async function until(condition: () => boolean, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error("the condition did not hold in time");
    }
    await new Promise((done) => setTimeout(done, 5));
  }
}
