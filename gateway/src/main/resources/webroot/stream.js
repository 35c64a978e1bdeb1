// Streams samples from the browser through the SDK's browser build and follows the session's anomalies; then asks
// the same session's figures, and scores one more sample, over the SockJS event-bus bridge with the SDK's helpers.
import { AnomalyBridge, AnomalyClient } from "./sdk/anomaly-gateway.js";

const query = new URLSearchParams(location.search);
const show = (id, text) => { document.getElementById(id).textContent = String(text); };
const scheme = location.protocol === "https:" ? "wss" : "ws";

async function stream() {
  const client = new AnomalyClient(`${scheme}://${location.host}`, query.get("session") ?? "browser",
    { token: query.get("token") ?? undefined });
  await client.connect();
  show("status", "streaming");
  let events = 0;
  await client.subscribe("anomalies", { callback: () => show("events", ++events) });
  const samples = Number(query.get("samples") ?? 300);
  let anomalies = 0;
  for (let i = 0; i < samples; i++) {
    const data = i >= 150 && i % 25 === 0 ? [25, -25, 25] : [Math.random(), Math.random(), Math.random()];
    const result = await client.sendSample(data);
    anomalies += result.is_anomaly ? 1 : 0;
    show("results", i + 1);
    show("anomalies", anomalies);
  }
  const statistics = client.statistics();
  show("latency", `${statistics.latencyP50.toFixed(2)} / ${statistics.latencyP99.toFixed(2)}`);
  const deadline = Date.now() + 10_000;
  while (events < 1 && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
  }
  await client.close();
  await overTheBridge(query.get("session") ?? "browser", query.get("token") ?? undefined);
  show("status", "done");
}

async function overTheBridge(session, token) {
  const opened = new Promise((resolve, reject) => {
    const bridge = new AnomalyBridge(new EventBus(`/eventbus?token=${encodeURIComponent(token ?? "")}`), token,
      (change) => change.state === "open" ? resolve(bridge)
        : change.state === "refused" ? reject(new Error(change.reason)) : undefined);
  });
  const bridge = await opened;
  show("bridge-total", (await bridge.stats(session)).streaming.total_samples);
  show("bridge-result", (await bridge.sample(session, [0.5, 0.5, 0.5])).type);
  bridge.close();
}

stream().catch((error) => show("status", `failed: ${error.name}: ${error.message}`));
