package anomaly

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"
)

// SampleOption sets an optional field of a sample request.
type SampleOption func(map[string]any)

// WithAlgorithm scores with an algorithm other than the session's ("isolation_forest", "one_class_svm",
// "random_cut_forest").
func WithAlgorithm(algorithm string) SampleOption {
	return func(m map[string]any) { m["algorithm"] = algorithm }
}

// WithTimestamp sets the sample's ISO-8601 timestamp.
func WithTimestamp(timestamp string) SampleOption {
	return func(m map[string]any) { m["timestamp"] = timestamp }
}

// SendSample scores one sample with the session's algorithm (or WithAlgorithm's).
func (c *Client) SendSample(ctx context.Context, data []float64, options ...SampleOption) (*DetectionResult, error) {
	message := map[string]any{"type": "sample", "data": data}
	for _, option := range options {
		option(message)
	}
	var result DetectionResult
	return &result, c.call(ctx, message, &result)
}

// SendBatch scores rows in order, in one request.
func (c *Client) SendBatch(ctx context.Context, rows [][]float64, options ...SampleOption) (*BatchResult, error) {
	message := map[string]any{"type": "batch", "batch_data": rows}
	for _, option := range options {
		option(message)
	}
	var result BatchResult
	return &result, c.call(ctx, message, &result)
}

// Stats returns the session's detector state, the node's connections and this connection's figures.
func (c *Client) Stats(ctx context.Context) (*SessionStats, error) {
	var answer struct {
		Stats SessionStats `json:"stats"`
	}
	err := c.call(ctx, map[string]any{"type": "stats"}, &answer)
	return &answer.Stats, err
}

// DriftRequest is a drift check: WindowSize newest samples against the reference (0: the server's default),
// Method ("ks", "psi", "adwin", "page_hinkley"; "": the server's), Alpha (0: the server's). Reset discards the
// reference instead, and a new one forms from the next samples.
type DriftRequest struct {
	WindowSize int
	Method     string
	Alpha      float64
	Reset      bool
}

// CheckDrift compares the session's drift reference with its newest samples, or resets it.
func (c *Client) CheckDrift(ctx context.Context, check DriftRequest) (*DriftResult, error) {
	message := map[string]any{"type": "drift"}
	if check.Reset {
		message["reset"] = true
	}
	if check.WindowSize != 0 {
		message["window_size"] = check.WindowSize
	}
	if check.Method != "" {
		message["method"] = check.Method
	}
	if check.Alpha != 0 {
		message["alpha"] = check.Alpha
	}
	var result DriftResult
	return &result, c.call(ctx, message, &result)
}

// Configure changes session or connection settings (an invalid update changes nothing) and returns all the
// effective ones; with nil settings it only reads them.
func (c *Client) Configure(ctx context.Context, settings map[string]any) (map[string]any, error) {
	message := map[string]any{"type": "config"}
	if settings != nil {
		message["config"] = settings
	}
	var answer struct {
		Config map[string]any `json:"config"`
	}
	err := c.call(ctx, message, &answer)
	return answer.Config, err
}

// Ping sends a protocol ping and returns the round trip.
func (c *Client) Ping(ctx context.Context) (time.Duration, error) {
	started := time.Now()
	var answer struct{}
	err := c.call(ctx, map[string]any{"type": "ping"}, &answer)
	return time.Since(started), err
}

// Refresh swaps the connection's token for this one without reconnecting and returns its expiry. The client
// refreshes by itself with a TokenSupplier; this is for tokens obtained otherwise.
func (c *Client) Refresh(ctx context.Context, token string) (expiresAt string, err error) {
	var answer struct {
		ExpiresAt string `json:"expires_at"`
	}
	if err = c.call(ctx, map[string]any{"type": "refresh", "token": token}, &answer); err == nil {
		c.mu.Lock()
		c.token = token
		c.mu.Unlock()
	}
	return answer.ExpiresAt, err
}

// Request sends any protocol message (a "type" and its fields) with the same guarantees as the typed calls and
// returns the answer as it came: for message types or fields newer than this package.
func (c *Client) Request(ctx context.Context, message map[string]any) (json.RawMessage, error) {
	copied := make(map[string]any, len(message)+1)
	for key, value := range message {
		copied[key] = value
	}
	var answer json.RawMessage
	return answer, c.call(ctx, copied, &answer)
}

// call sends a request (or queues it while there is no connection) and decodes its answer into out.
func (c *Client) call(ctx context.Context, message map[string]any, out any) error {
	r, err := c.submit(message)
	if err != nil {
		return err
	}
	if _, bounded := ctx.Deadline(); !bounded && c.options.RequestTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.options.RequestTimeout)
		defer cancel()
	}
	var result outcome
	select {
	case result = <-r.done:
	case <-ctx.Done():
		c.mu.Lock()
		c.ledger.fail(r, timeoutOf(ctx.Err(), r.id))
		c.sendQueued()
		c.mu.Unlock()
		result = <-r.done
	}
	if result.err != nil {
		return result.err
	}
	return json.Unmarshal(result.message, out)
}

func (c *Client) submit(message map[string]any) (*request, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, c.closeErr
	}
	c.nextID++
	id := "r" + strconv.FormatInt(c.nextID, 10)
	message["request_id"] = id
	frame, err := json.Marshal(message)
	if err != nil {
		return nil, err // NaN or infinity: JSON cannot carry them
	}
	r := &request{id: id, frame: frame, done: make(chan outcome, 1), started: time.Now()}
	if c.link != nil && c.ledger.canSend() && c.pacer.delay(time.Now()) == 0 {
		c.ledger.sending(r)
		c.transmit(r)
	} else {
		c.ledger.queue(r)
	}
	return r, nil
}

// timeoutError is a request whose context ended: it matches ErrTimeout when the deadline passed, and unwraps to
// the context's error.
type timeoutError struct {
	cause     error
	requestID string
}

func timeoutOf(cause error, requestID string) error {
	if errors.Is(cause, context.Canceled) {
		return cause
	}
	return &timeoutError{cause: cause, requestID: requestID}
}

func (e *timeoutError) Error() string {
	return "anomaly: request " + e.requestID + " had no answer in time: " + e.cause.Error()
}

func (e *timeoutError) Is(target error) bool { return target == ErrTimeout }

func (e *timeoutError) Unwrap() error { return e.cause }
