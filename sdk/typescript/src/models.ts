/** What the gateway answers, typed with the protocol's own field names. */

/** One feature's part in an anomaly, its share of the explanation summing to 1 over all features. */
export interface FeatureContribution {
  index: number;
  value: number;
  contribution: number;
  direction: "above" | "below";
}

/** What a result says about the session's model when it scored the sample. */
export interface ResultMetadata {
  processing_time_ms: number;
  buffer_size: number;
  model_fitted: boolean;
  refitting?: boolean;
  threshold?: number;
  explanation?: FeatureContribution[];
}

/** The verdict on one sample: `confidence_score` in [0, 1], higher is more anomalous. */
export interface DetectionResult {
  type: "result";
  request_id: string;
  timestamp: string;
  sample_id: string;
  is_anomaly: boolean;
  confidence_score: number;
  algorithm: string;
  metadata: ResultMetadata;
}

/** One row's verdict in a batch. */
export interface BatchRow {
  index: number;
  sample_id: string;
  is_anomaly: boolean;
  confidence_score: number;
  buffer_size: number;
  explanation?: FeatureContribution[];
}

/** The verdicts on a batch's rows, in order. */
export interface BatchResult {
  type: "batch_result";
  request_id: string;
  algorithm: string;
  count: number;
  anomalies: number;
  results: BatchRow[];
  metadata: ResultMetadata;
}

/** One feature's drift evidence; `p_value` for `ks` only. */
export interface FeatureDrift {
  index: number;
  statistic: number;
  p_value: number | null;
  psi: number | null;
  drifted: boolean;
}

/** A drift check: `status` is `ok`, `insufficient_data` (see `samples_needed`) or `reset`. */
export interface DriftResult {
  type: "drift_result";
  status: "ok" | "insufficient_data" | "reset";
  drift_detected: boolean;
  method: string;
  window_size: number;
  reference_size: number;
  current_size: number;
  alpha: number;
  evidence?: "comparison" | "monitor" | null;
  detected_at?: number | null;
  samples_needed?: number;
  features: FeatureDrift[];
}

/** The `stats` answer: the session's detector state, the node's connections, this connection's figures. */
export interface SessionStats {
  streaming: Record<string, unknown> & { total_samples: number };
  connections: Record<string, unknown>;
  client: Record<string, unknown>;
}

/** A place in a session's topic stream. */
export interface Position {
  epoch: string;
  offset: number;
}

/** A topic event as the gateway pushed it: `type` is `anomaly`, `alert`, `stats` or `drift`. */
export interface TopicEvent {
  type: "anomaly" | "alert" | "stats" | "drift";
  topic: string;
  session_id: string | null;
  timestamp: string;
  epoch?: string;
  offset?: number;
  [field: string]: unknown;
}

/** What a client has done; latencies in ms from call to answer. */
export interface ClientStatistics {
  sent: number;
  answered: number;
  errors: number;
  reconnects: number;
  dropped: number;
  queued: number;
  inFlight: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
}
