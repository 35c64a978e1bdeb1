/**
 * The Anomaly Gateway client for browsers: the native `WebSocket`, with the token in the URL (browsers cannot set
 * headers on a WebSocket). The API is the Node.js build's.
 * @packageDocumentation
 */
import { setDefaultSocketFactory, type SocketLike } from "./client.js";

export * from "./exports.js";

setDefaultSocketFactory((url, headers) => {
  const bearer = headers.Authorization?.replace(/^Bearer /, "");
  const target = bearer ? `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(bearer)}` : url;
  return new WebSocket(target) as unknown as SocketLike;
});
