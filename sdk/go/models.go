package anomaly

import "encoding/json"

// FeatureContribution is one feature's part in an anomaly: its index and value, its share of the explanation
// (summing to 1 over all features) and on which side of the usual values it lies ("above" or "below").
type FeatureContribution struct {
	Index        int     `json:"index"`
	Value        float64 `json:"value"`
	Contribution float64 `json:"contribution"`
	Direction    string  `json:"direction"`
}

// Metadata is what a result says about the session's model when it scored the sample.
type Metadata struct {
	ProcessingTimeMillis float64               `json:"processing_time_ms"`
	BufferSize           int                   `json:"buffer_size"`
	ModelFitted          bool                  `json:"model_fitted"`
	Refitting            bool                  `json:"refitting"`
	Threshold            *float64              `json:"threshold,omitempty"`
	Explanation          []FeatureContribution `json:"explanation,omitempty"`
}

// DetectionResult is the verdict on one sample. ConfidenceScore lies in [0, 1]; higher is more anomalous.
// Explanation lists, for an anomaly, the features that contributed most, largest first.
type DetectionResult struct {
	RequestID       string                `json:"request_id"`
	Timestamp       string                `json:"timestamp"`
	SampleID        string                `json:"sample_id"`
	IsAnomaly       bool                  `json:"is_anomaly"`
	ConfidenceScore float64               `json:"confidence_score"`
	Algorithm       string                `json:"algorithm"`
	Metadata        Metadata              `json:"metadata"`
	Explanation     []FeatureContribution `json:"explanation,omitempty"`
}

// BatchRow is one row's verdict in a batch.
type BatchRow struct {
	Index           int                   `json:"index"`
	SampleID        string                `json:"sample_id"`
	IsAnomaly       bool                  `json:"is_anomaly"`
	ConfidenceScore float64               `json:"confidence_score"`
	BufferSize      int                   `json:"buffer_size"`
	Explanation     []FeatureContribution `json:"explanation,omitempty"`
}

// BatchResult is the verdicts on a batch's rows, in order.
type BatchResult struct {
	RequestID string     `json:"request_id"`
	Algorithm string     `json:"algorithm"`
	Count     int        `json:"count"`
	Anomalies int        `json:"anomalies"`
	Results   []BatchRow `json:"results"`
	Metadata  Metadata   `json:"metadata"`
}

// FeatureDrift is one feature's drift evidence. PValue is set for "ks" only.
type FeatureDrift struct {
	Index     int      `json:"index"`
	Statistic float64  `json:"statistic"`
	PValue    *float64 `json:"p_value"`
	PSI       *float64 `json:"psi"`
	Drifted   bool     `json:"drifted"`
}

// DriftResult is a drift check: Status is "ok", "insufficient_data" (see SamplesNeeded) or "reset"; Evidence is
// "comparison" or "monitor" (a detection the reference re-forms after).
type DriftResult struct {
	Status        string         `json:"status"`
	DriftDetected bool           `json:"drift_detected"`
	Method        string         `json:"method"`
	WindowSize    int            `json:"window_size"`
	ReferenceSize int            `json:"reference_size"`
	CurrentSize   int            `json:"current_size"`
	Alpha         float64        `json:"alpha"`
	Evidence      string         `json:"evidence"`
	DetectedAt    *int64         `json:"detected_at"`
	SamplesNeeded int            `json:"samples_needed"`
	Features      []FeatureDrift `json:"features"`
}

// SessionStats is the stats answer: the session's detector state, the node's connections, this connection's own
// figures, each as the gateway sent it.
type SessionStats struct {
	Streaming   map[string]any `json:"streaming"`
	Connections map[string]any `json:"connections"`
	Client      map[string]any `json:"client"`
}

// TotalSamples is the number of samples the session scored, each once whatever the re-sends.
func (s *SessionStats) TotalSamples() int64 {
	total, _ := s.Streaming["total_samples"].(float64)
	return int64(total)
}

// Position is a place in a session's topic stream: the gateway's epoch and an event offset.
type Position struct {
	Epoch  string `json:"epoch"`
	Offset int64  `json:"offset"`
}

// Event is a topic event: Type is "anomaly", "alert", "stats" or "drift"; Position is nil for events without
// history (stats, node-wide events). Body is the whole message.
type Event struct {
	Type      string
	Topic     string
	SessionID string
	Timestamp string
	Position  *Position
	Body      json.RawMessage
}

// Statistics is what a client has done: requests sent (re-sends included), answered, errors, reconnects, dropped
// by the overflow policy, queued and in flight now, and latency from call to answer.
type Statistics struct {
	Sent       int64
	Answered   int64
	Errors     int64
	Reconnects int64
	Dropped    int64
	Queued     int
	InFlight   int
	LatencyP50 float64 // milliseconds
	LatencyP99 float64 // milliseconds
	LatencyMax float64 // milliseconds
}
