package anomaly

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mathrand "math/rand"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// EndpointPath is the streaming endpoint's path before the session id.
const EndpointPath = "/api/v1/streaming/enhanced/"

// Client is one connection to one session of the gateway, re-established after every loss. Every request settles
// exactly once: with its answer, or with an error (a *ServerError with the protocol's code, ErrTimeout,
// ErrQueueFull, ErrClosed, or the context's error). It is safe for concurrent use.
type Client struct {
	url     string
	options Options
	random  *mathrand.Rand

	mu             sync.Mutex
	ledger         *ledger
	subscriptions  map[string]*Subscription
	internal       map[string]func(envelope)
	link           *link // the welcomed connection, nil while there is none
	current        *link // the open connection, welcomed or not
	pacer          pacer
	wake           *time.Timer
	refresh        *time.Timer
	token          string
	welcome        []byte
	maxMessageSize int
	connections    int64
	nextID         int64
	started        bool
	closed         bool
	closeErr       error
	welcomed       chan struct{} // closed at the first welcome, or when the client gives up

	ctx    context.Context // ends when the client closes
	cancel context.CancelFunc
	done   chan struct{} // closed when the connection loop has ended
}

// Connect makes a client and waits for the gateway's welcome on its first connection (retrying per the reconnect
// policy until ctx ends). url is the gateway's base URL ("ws://host:8000") with a sessionID, or the full endpoint
// URL with the session in its path and sessionID "".
func Connect(ctx context.Context, url, sessionID string, options ...Option) (*Client, error) {
	c, err := New(url, sessionID, options...)
	if err != nil {
		return nil, err
	}
	if err := c.Start(ctx); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// New makes a client without connecting; requests made before Start wait in the queue.
func New(rawURL, sessionID string, options ...Option) (*Client, error) {
	o := DefaultOptions()
	for _, option := range options {
		option(&o)
	}
	if o.ClientID == "" {
		id := make([]byte, 16)
		_, _ = rand.Read(id)
		o.ClientID = hex.EncodeToString(id)
	}
	if o.MaxQueueSize < 1 || o.MaxInFlight < 1 {
		return nil, fmt.Errorf("anomaly: MaxQueueSize and MaxInFlight must be at least 1, got %d and %d",
			o.MaxQueueSize, o.MaxInFlight)
	}
	endpoint, err := endpointURL(rawURL, sessionID, o.ClientID)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Client{url: endpoint, options: o, random: mathrand.New(mathrand.NewSource(time.Now().UnixNano())),
		ledger: newLedger(o), subscriptions: map[string]*Subscription{}, internal: map[string]func(envelope){},
		welcomed: make(chan struct{}), ctx: ctx, cancel: cancel, done: make(chan struct{})}, nil
}

// Start begins connecting (once) and waits for the first welcome or the end of ctx.
func (c *Client) Start(ctx context.Context) error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return c.closeErr
	}
	c.startLocked()
	c.mu.Unlock()
	select {
	case <-c.welcomed:
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.welcome == nil {
			return c.closeErr
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) startLocked() {
	if !c.started {
		c.started = true
		go c.run()
	}
}

// ClientID is the id the gateway knows this client by.
func (c *Client) ClientID() string { return c.options.ClientID }

// Welcome is the latest welcome message: the session, the role, the algorithms and the gateway's limits.
func (c *Client) Welcome() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.welcome
}

// Connected reports whether a welcomed connection is open now.
func (c *Client) Connected() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.link != nil
}

// Statistics is what the client has done so far.
func (c *Client) Statistics() Statistics {
	c.mu.Lock()
	defer c.mu.Unlock()
	reconnects := c.connections - 1
	if reconnects < 0 {
		reconnects = 0
	}
	return c.ledger.statistics(reconnects)
}

// Close fails every pending request with ErrClosed, ends the subscriptions and closes the connection. Closing
// twice is harmless.
func (c *Client) Close() error {
	c.shutdown(ErrClosed)
	c.mu.Lock()
	started := c.started
	c.mu.Unlock()
	if started {
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
		}
	}
	return nil
}

// Drain waits until every pending request has its outcome (or ctx ends), then closes the client.
func (c *Client) Drain(ctx context.Context) error {
	ticker := time.NewTicker(5 * time.Millisecond)
	defer ticker.Stop()
	for {
		c.mu.Lock()
		empty := c.ledger.empty() || c.closed
		c.mu.Unlock()
		if empty {
			return c.Close()
		}
		select {
		case <-ticker.C:
		case <-ctx.Done():
			c.Close()
			return ctx.Err()
		}
	}
}

// shutdown ends the client for good: cause is what pending and later requests fail with.
func (c *Client) shutdown(cause error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	c.closed, c.closeErr = true, cause
	c.cancel()
	for _, timer := range []*time.Timer{c.wake, c.refresh} {
		if timer != nil {
			timer.Stop()
		}
	}
	for _, r := range c.ledger.drain() {
		c.ledger.settle(r, nil, cause)
	}
	for topic, subscription := range c.subscriptions {
		subscription.end()
		delete(c.subscriptions, topic)
	}
	if c.current != nil {
		c.current.close()
	}
	select {
	case <-c.welcomed:
	default:
		close(c.welcomed)
	}
}

func endpointURL(rawURL, sessionID, clientID string) (string, error) {
	parsed, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("anomaly: invalid URL %q: %w", rawURL, err)
	}
	path := strings.TrimRight(parsed.Path, "/")
	if sessionID == "" {
		session := strings.TrimPrefix(path, strings.TrimRight(EndpointPath, "/"))
		if !strings.Contains(path+"/", EndpointPath) || session == path || strings.Trim(session, "/") == "" {
			return "", errors.New("anomaly: " + rawURL + " names no session: pass a session id, or the endpoint URL " +
				"ws://HOST:PORT" + EndpointPath + "SESSION")
		}
	} else {
		path += EndpointPath + sessionID
	}
	parsed.Path = path
	query := parsed.Query()
	query.Set("client_id", clientID)
	parsed.RawQuery = query.Encode()
	return parsed.String(), nil
}

// dialer is the configured dialer, or gorilla's default one.
func (c *Client) dialer() *websocket.Dialer {
	if c.options.Dialer != nil {
		return c.options.Dialer
	}
	return &websocket.Dialer{HandshakeTimeout: 10 * time.Second, Proxy: websocket.DefaultDialer.Proxy}
}
