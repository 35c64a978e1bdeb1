/** The protocol's error codes (`error.code` on the wire); `sdk/asyncapi.yaml` lists the same set. */
export const ERROR_CODES = [
  "INVALID_JSON", "INVALID_MESSAGE", "MISSING_TYPE", "UNKNOWN_TYPE", "UNSUPPORTED_TYPE", "INVALID_FIELD",
  "INVALID_DATA", "DIMENSION_MISMATCH", "EMPTY_BATCH", "RAGGED_BATCH", "BATCH_TOO_LARGE", "TOO_MANY_DIMENSIONS",
  "UNKNOWN_ALGORITHM", "INVALID_CONFIG", "BINARY_NOT_SUPPORTED", "MESSAGE_TOO_LARGE", "TOO_MANY_SESSIONS",
  "CAPACITY_EXCEEDED", "FORBIDDEN", "RATE_LIMITED", "DRIFT_UNAVAILABLE", "DETECTOR_UNAVAILABLE", "SHUTTING_DOWN",
  "TIMEOUT", "INTERNAL_ERROR",
] as const;

/** One of the protocol's error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

const TEMPORARY: ReadonlySet<string> = new Set(["RATE_LIMITED", "SHUTTING_DOWN", "CAPACITY_EXCEEDED",
  "DETECTOR_UNAVAILABLE", "DRIFT_UNAVAILABLE", "TIMEOUT", "TOO_MANY_SESSIONS"]);

/** The base of every error this package rejects with. */
export class AnomalyGatewayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The gateway answered a request with an error: `code` is the protocol's, `requestId` the request's,
 * `retryAfterMs` the server's hint when waiting helps; `temporary` says whether sending it again later may succeed.
 */
export class ServerError extends AnomalyGatewayError {
  constructor(readonly code: ErrorCode | string, message: string, readonly requestId?: string,
              readonly retryAfterMs?: number) {
    super(`${code}: ${message}`);
  }

  /** Whether the request was not processed and may succeed if sent again later. */
  get temporary(): boolean {
    return TEMPORARY.has(this.code);
  }
}

/** No outcome within the request's timeout (queueing, back-offs and re-sends included). */
export class RequestTimeoutError extends AnomalyGatewayError {}

/** The client was closed, or gave up reconnecting, before the request had an answer. */
export class ConnectionLostError extends AnomalyGatewayError {}

/** The send queue held `maxQueueSize` requests and the overflow policy chose this one. */
export class QueueFullError extends AnomalyGatewayError {}

/**
 * No valid token: the gateway refused a static one, or the token supplier threw this to say there will be no more.
 * The client stops.
 */
export class UnauthorizedError extends AnomalyGatewayError {}

/** The gateway refused the WebSocket upgrade for good (`status` 400: a malformed session id; 403: forbidden). */
export class ConnectionRefusedError extends AnomalyGatewayError {
  constructor(readonly status: number) {
    super(`The gateway refused the connection with HTTP ${status}`);
  }
}
