package anomaly

import (
	"context"
	"time"

	"github.com/gorilla/websocket"
)

// OverflowPolicy says which request fails when the send queue is full.
type OverflowPolicy int

const (
	// Reject fails the new request with ErrQueueFull.
	Reject OverflowPolicy = iota
	// DropOldest fails the oldest queued request with ErrQueueFull and queues the new one.
	DropOldest
)

// Options configure a Client; DefaultOptions gives the values the Option functions start from.
type Options struct {
	// ClientID identifies the client across reconnects (the gateway de-duplicates by it); empty: a random id.
	ClientID string
	// Token is a static bearer token; empty: none, unless TokenSupplier is set.
	Token string
	// TokenSupplier is asked for a token at each connection whose token is missing or about to expire, and before
	// expiry on an open connection (sent as a refresh). Returning ErrUnauthorized stops the client; other errors
	// are retried with back-off. Nil: Token is used as it is.
	TokenSupplier func(ctx context.Context) (string, error)
	// Reconnect is the reconnect policy.
	Reconnect Reconnect
	// RequestTimeout bounds a request whose context has no deadline; zero: no bound beyond the context.
	RequestTimeout time.Duration
	// PingInterval is how often the client pings a silent connection; zero: never. A connection silent for
	// PingInterval + PingTimeout is taken for dead and re-established.
	PingInterval time.Duration
	// PingTimeout is how long a ping may go unanswered (see PingInterval).
	PingTimeout time.Duration
	// MaxQueueSize bounds the requests waiting for a connection (or for room in the in-flight window).
	MaxQueueSize int
	// Overflow chooses the request that fails when the queue is full.
	Overflow OverflowPolicy
	// MaxInFlight bounds unanswered requests; keep it below the gateway's dedup_window (256) for exactly-once.
	MaxInFlight int
	// MaxMessageSize bounds a message the client reads.
	MaxMessageSize int64
	// Dialer opens the WebSocket; nil: websocket.DefaultDialer with a 10 s handshake timeout.
	Dialer *websocket.Dialer
	// MessageObserver, when set, is called with every message received, before it is handled (on the reader
	// goroutine: it must not block). For logs and protocol checks.
	MessageObserver func(message []byte)
}

// Reconnect is the reconnect policy: delays grow exponentially from Initial to Max, each shortened by a random
// share Jitter (0 to 1), so that the clients of a gateway that died do not all come back at once.
type Reconnect struct {
	// MaxAttempts is how many reconnect attempts follow a loss before the client gives up; -1: unlimited,
	// 0: never reconnect.
	MaxAttempts int
	Initial     time.Duration
	Max         time.Duration
	Jitter      float64
}

// Option changes Options.
type Option func(*Options)

// DefaultOptions returns the defaults: unlimited reconnects from 100 ms to 10 s with jitter 0.5, a 30 s request
// timeout, pings every 15 s with a 10 s timeout, a queue of 10,000 that rejects new requests when full, 128 in
// flight, messages up to 64 MiB.
func DefaultOptions() Options {
	return Options{
		Reconnect:      Reconnect{MaxAttempts: -1, Initial: 100 * time.Millisecond, Max: 10 * time.Second, Jitter: 0.5},
		RequestTimeout: 30 * time.Second,
		PingInterval:   15 * time.Second,
		PingTimeout:    10 * time.Second,
		MaxQueueSize:   10_000,
		Overflow:       Reject,
		MaxInFlight:    128,
		MaxMessageSize: 64 << 20,
	}
}

// WithToken sets a static bearer token.
func WithToken(token string) Option { return func(o *Options) { o.Token = token } }

// WithTokenSupplier sets the function asked for tokens (see Options.TokenSupplier).
func WithTokenSupplier(supplier func(ctx context.Context) (string, error)) Option {
	return func(o *Options) { o.TokenSupplier = supplier }
}

// WithClientID sets the client's id (see Options.ClientID).
func WithClientID(id string) Option { return func(o *Options) { o.ClientID = id } }

// WithReconnect sets the reconnect policy.
func WithReconnect(policy Reconnect) Option { return func(o *Options) { o.Reconnect = policy } }

// WithQueue sets the queue's bound and overflow policy.
func WithQueue(size int, policy OverflowPolicy) Option {
	return func(o *Options) { o.MaxQueueSize, o.Overflow = size, policy }
}

// WithMaxInFlight bounds the unanswered requests.
func WithMaxInFlight(n int) Option { return func(o *Options) { o.MaxInFlight = n } }

// WithRequestTimeout bounds requests whose context has no deadline.
func WithRequestTimeout(timeout time.Duration) Option {
	return func(o *Options) { o.RequestTimeout = timeout }
}

// WithPing sets the keep-alive (see Options.PingInterval).
func WithPing(interval, timeout time.Duration) Option {
	return func(o *Options) { o.PingInterval, o.PingTimeout = interval, timeout }
}

// WithDialer sets the WebSocket dialer (TLS settings, proxies, buffer sizes).
func WithDialer(dialer *websocket.Dialer) Option { return func(o *Options) { o.Dialer = dialer } }

// WithMessageObserver sets a function called with every message received (see Options.MessageObserver).
func WithMessageObserver(observer func(message []byte)) Option {
	return func(o *Options) { o.MessageObserver = observer }
}
