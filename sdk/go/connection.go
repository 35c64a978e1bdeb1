package anomaly

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// envelope is what the client reads of every message to route it; the caller decodes the rest.
type envelope struct {
	Type      string  `json:"type"`
	RequestID *string `json:"request_id"`
	Topic     *string `json:"topic"`
	Error     *struct {
		Code         Code   `json:"code"`
		Message      string `json:"message"`
		RetryAfterMs *int64 `json:"retry_after_ms"`
	} `json:"error"`
	SessionID *string `json:"session_id"`
	Timestamp string  `json:"timestamp"`
	Epoch     *string `json:"epoch"`
	Offset    *int64  `json:"offset"`
	Recovered *bool   `json:"recovered"`
	Limits    *struct {
		MaxMessageSize int `json:"max_message_size"`
	} `json:"limits"`
	raw []byte
}

// terminalStatuses are upgrade refusals that no retry can mend.
var terminalStatuses = map[int]bool{http.StatusBadRequest: true, http.StatusForbidden: true,
	http.StatusNotFound: true}

// link is one open WebSocket and its writer. Frames are written by one goroutine, in the order they were queued.
type link struct {
	ws     *websocket.Conn
	mu     sync.Mutex
	frames [][]byte
	wake   chan struct{}
	closed chan struct{}
	once   sync.Once
}

func newLink(ws *websocket.Conn) *link {
	return &link{ws: ws, wake: make(chan struct{}, 1), closed: make(chan struct{})}
}

func (l *link) send(frame []byte) {
	l.mu.Lock()
	l.frames = append(l.frames, frame)
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *link) write() {
	for {
		select {
		case <-l.wake:
		case <-l.closed:
			return
		}
		l.mu.Lock()
		frames := l.frames
		l.frames = nil
		l.mu.Unlock()
		for _, frame := range frames {
			_ = l.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if err := l.ws.WriteMessage(websocket.TextMessage, frame); err != nil {
				l.close()
				return
			}
		}
	}
}

func (l *link) close() {
	l.once.Do(func() {
		close(l.closed)
		_ = l.ws.Close()
	})
}

// run dials, serves and re-dials until the client closes or gives up.
func (c *Client) run() {
	defer close(c.done)
	attempt, fresh := 0, false
	for c.ctx.Err() == nil {
		var pause time.Duration
		token, err := c.currentToken(fresh)
		if errors.Is(err, ErrUnauthorized) {
			c.shutdown(err)
			return
		}
		var ws *websocket.Conn
		var response *http.Response
		if err == nil {
			ws, response, err = c.dialer().DialContext(c.ctx, c.url, bearer(token))
		}
		if err != nil {
			status := 0
			if response != nil {
				status = response.StatusCode
				pause = retryAfter(response)
			}
			if terminalStatuses[status] {
				c.shutdown(&RefusedError{Status: status})
				return
			}
			if status == http.StatusUnauthorized && c.options.TokenSupplier == nil {
				c.shutdown(fmt.Errorf("%w: the gateway refused the token (HTTP 401)", ErrUnauthorized))
				return
			}
			fresh = status == http.StatusUnauthorized
		} else {
			welcomed, code := c.serve(ws)
			if welcomed {
				attempt = 0
			}
			fresh = code == 4401
		}
		if c.ctx.Err() != nil {
			return
		}
		if limit := c.options.Reconnect.MaxAttempts; limit >= 0 && attempt >= limit {
			c.shutdown(fmt.Errorf("%w: the connection to %s was lost and %d reconnect attempts failed", ErrClosed,
				c.url, attempt))
			return
		}
		c.mu.Lock()
		if wait := c.options.Reconnect.delay(attempt, c.random); wait > pause {
			pause = wait
		}
		c.mu.Unlock()
		attempt++
		select {
		case <-time.After(pause):
		case <-c.ctx.Done():
			return
		}
	}
}

func (c *Client) currentToken(fresh bool) (string, error) {
	if c.options.TokenSupplier == nil {
		return c.options.Token, nil
	}
	c.mu.Lock()
	token := c.token
	c.mu.Unlock()
	if !fresh && token != "" && !expiring(token, time.Now()) {
		return token, nil
	}
	token, err := c.options.TokenSupplier(c.ctx)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.token = token
	c.mu.Unlock()
	return token, nil
}

func bearer(token string) http.Header {
	header := http.Header{}
	if token != "" {
		header.Set("Authorization", "Bearer "+token)
	}
	return header
}

func retryAfter(response *http.Response) time.Duration {
	seconds, err := strconv.ParseFloat(response.Header.Get("Retry-After"), 64)
	if err != nil {
		return 0
	}
	return time.Duration(seconds * float64(time.Second))
}

// serve reads one connection until it ends; it reports whether the gateway welcomed it and its close code.
func (c *Client) serve(ws *websocket.Conn) (welcomed bool, code int) {
	l := newLink(ws)
	c.mu.Lock()
	c.current = l
	closed := c.closed
	c.mu.Unlock()
	if closed {
		l.close()
		return false, 0
	}
	ws.SetReadLimit(c.options.MaxMessageSize)
	silence := c.options.PingInterval + c.options.PingTimeout
	extend := func() {
		if c.options.PingInterval > 0 {
			_ = ws.SetReadDeadline(time.Now().Add(silence))
		}
	}
	extend()
	ws.SetPongHandler(func(string) error { extend(); return nil })
	go l.write()
	if c.options.PingInterval > 0 {
		go l.ping(c.options.PingInterval)
	}
	defer c.lost(l)
	for {
		kind, data, err := ws.ReadMessage()
		if err != nil {
			var closed *websocket.CloseError
			if errors.As(err, &closed) {
				code = closed.Code
			}
			return welcomed, code
		}
		extend()
		if kind != websocket.TextMessage {
			continue
		}
		if c.options.MessageObserver != nil {
			c.options.MessageObserver(data)
		}
		if c.onMessage(l, data) {
			welcomed = true
		}
	}
}

func (l *link) ping(interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			if l.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(interval)) != nil {
				return
			}
		case <-l.closed:
			return
		}
	}
}

// lost forgets a connection that ended: what was in flight stays in the ledger, to be sent again.
func (c *Client) lost(l *link) {
	l.close()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.link == l {
		c.link = nil
	}
	if c.current == l {
		c.current = nil
	}
	if c.refresh != nil {
		c.refresh.Stop()
	}
}

// onMessage routes one message; it reports whether it was the welcome.
func (c *Client) onMessage(l *link, data []byte) bool {
	var message envelope
	if json.Unmarshal(data, &message) != nil {
		return false
	}
	message.raw = data
	c.mu.Lock()
	defer c.mu.Unlock()
	if message.RequestID != nil {
		if own, ok := c.internal[*message.RequestID]; ok {
			delete(c.internal, *message.RequestID)
			own(message)
			return false
		}
		if r := c.ledger.answered(*message.RequestID); r != nil {
			c.onAnswer(r, message)
			return false
		}
	}
	switch {
	case message.Type == "welcome":
		c.onWelcome(l, message)
		return true
	case message.Topic != nil:
		if subscription, ok := c.subscriptions[*message.Topic]; ok {
			subscription.deliver(eventOf(message))
		}
	}
	return false
}

func eventOf(message envelope) Event {
	event := Event{Type: message.Type, Topic: *message.Topic, Timestamp: message.Timestamp, Body: message.raw}
	if message.SessionID != nil {
		event.SessionID = *message.SessionID
	}
	if message.Epoch != nil && message.Offset != nil {
		event.Position = &Position{Epoch: *message.Epoch, Offset: *message.Offset}
	}
	return event
}

// onAnswer settles a request, or, refused for now and unprocessed, sends it again paced by the server's delay.
func (c *Client) onAnswer(r *request, message envelope) {
	if message.Type == "error" && message.Error != nil {
		code := message.Error.Code
		if code == CodeRateLimited || code == CodeShuttingDown {
			wait := 100 * time.Millisecond
			if message.Error.RetryAfterMs != nil {
				wait = time.Duration(*message.Error.RetryAfterMs) * time.Millisecond
			}
			c.ledger.refuse(r)
			c.pacer.refused(time.Now(), wait)
			c.sendQueued()
			return
		}
		failure := &ServerError{Code: code, Message: message.Error.Message, RequestID: r.id}
		if message.Error.RetryAfterMs != nil {
			failure.RetryAfterMillis = *message.Error.RetryAfterMs
		}
		c.ledger.settle(r, nil, failure)
	} else {
		c.ledger.settle(r, message.raw, nil)
	}
	c.sendQueued()
}

// onWelcome restores subscriptions, then sends again what was in flight, then what queued, in that order.
func (c *Client) onWelcome(l *link, message envelope) {
	if c.closed {
		return
	}
	c.link = l
	c.welcome = message.raw
	if message.Limits != nil {
		c.maxMessageSize = message.Limits.MaxMessageSize
	}
	c.connections++
	c.internal = map[string]func(envelope){}
	if c.connections > 1 {
		for _, subscription := range c.subscriptions {
			s := subscription
			c.sendInternal(s.message(), func(answer envelope) {
				s.resubscribed(answer.Recovered != nil && *answer.Recovered)
			})
		}
	}
	for _, r := range c.ledger.resend() {
		l.send(r.frame)
	}
	c.sendQueued()
	c.scheduleRefresh()
	select {
	case <-c.welcomed:
	default:
		close(c.welcomed)
	}
}

// sendQueued sends what waits, as far as the in-flight window and the pacing allow. The mutex is held.
func (c *Client) sendQueued() {
	for c.link != nil {
		if wait := c.pacer.delay(time.Now()); wait > 0 {
			if c.wake == nil {
				c.wake = time.AfterFunc(wait, func() {
					c.mu.Lock()
					defer c.mu.Unlock()
					c.wake = nil
					c.sendQueued()
				})
			}
			return
		}
		r := c.ledger.nextToSend()
		if r == nil {
			return
		}
		c.transmit(r)
	}
}

// transmit writes a request now in flight, unless it is over the gateway's message limit: sent, it would close
// the connection and come back with every re-send, so it fails here, unsent.
func (c *Client) transmit(r *request) {
	c.pacer.sent(time.Now())
	if c.maxMessageSize > 0 && len(r.frame) > c.maxMessageSize {
		c.ledger.fail(r, &ServerError{Code: CodeMessageTooLarge, RequestID: r.id, Message: fmt.Sprintf(
			"the request has %d bytes; the gateway accepts at most %d: not sent", len(r.frame), c.maxMessageSize)})
		return
	}
	c.link.send(r.frame)
}

func (c *Client) sendInternal(message map[string]any, reader func(envelope)) {
	c.nextID++
	id := "i" + strconv.FormatInt(c.nextID, 10)
	message["request_id"] = id
	frame, err := json.Marshal(message)
	if err != nil || c.link == nil {
		return
	}
	c.internal[id] = reader
	c.link.send(frame)
}

// scheduleRefresh asks the supplier for a new token before the current one expires and sends it as a refresh;
// refused, the connection ends at the old token's expiry and comes back with a fresh one.
func (c *Client) scheduleRefresh() {
	if c.options.TokenSupplier == nil || c.token == "" {
		return
	}
	wait, ok := refreshDelay(c.token, time.Now())
	if !ok {
		return
	}
	if c.refresh != nil {
		c.refresh.Stop()
	}
	c.refresh = time.AfterFunc(wait, func() { c.refreshToken(0) })
}

func (c *Client) refreshToken(attempt int) {
	token, err := c.currentToken(true)
	if errors.Is(err, ErrUnauthorized) {
		c.shutdown(err)
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	if err != nil {
		c.refresh = time.AfterFunc(c.options.Reconnect.delay(attempt, c.random), func() { c.refreshToken(attempt + 1) })
		return
	}
	c.sendInternal(map[string]any{"type": "refresh", "token": token}, func(answer envelope) {
		if answer.Type == "refreshed" {
			c.scheduleRefresh()
		}
	})
}
