/**
 * The Anomaly Gateway client for Node.js (on the `ws` package); browsers get `browser.js` through the package's
 * `exports` map, with the same API.
 * @packageDocumentation
 */
import WebSocket from "ws";

import { setDefaultSocketFactory, type SocketLike } from "./client.js";

export * from "./exports.js";

setDefaultSocketFactory((url, headers) =>
  new WebSocket(url, { headers, maxPayload: 64 * 1024 * 1024 }) as unknown as SocketLike);
