export { AnomalyClient, ENDPOINT_PATH, endpointUrl } from "./client.js";
export type { CallOptions, ClientOptions, SocketFactory, SocketLike, SubscribeOptions, TokenSource } from "./client.js";
export {
  AnomalyGatewayError, ConnectionLostError, ConnectionRefusedError, ERROR_CODES, QueueFullError, RequestTimeoutError,
  ServerError, UnauthorizedError,
} from "./errors.js";
export type { ErrorCode } from "./errors.js";
export type {
  BatchResult, BatchRow, ClientStatistics, DetectionResult, DriftResult, FeatureContribution, FeatureDrift, Position,
  ResultMetadata, SessionStats, TopicEvent,
} from "./models.js";
export { Subscription } from "./subscription.js";
export { AnomalyBridge, GATEWAY_REQUEST, nodeAddress, topicAddress } from "./bridge.js";
export type { BridgeState, EventBusLike, NodeTopic, TopicName } from "./bridge.js";
