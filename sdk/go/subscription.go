package anomaly

import (
	"context"
	"encoding/json"
	"sync"
)

// SubscribeOption sets how a subscription is made.
type SubscribeOption func(*Subscription)

// WithScope follows "session" (the default: this client's session) or "all" (every session; admins only).
func WithScope(scope string) SubscribeOption { return func(s *Subscription) { s.scope = scope } }

// WithSince replays the events after a position, e.g. one saved from an earlier run; Recovered then says whether
// every one of them was.
func WithSince(position Position) SubscribeOption {
	return func(s *Subscription) { s.position = &position }
}

// WithHandler has events delivered to handler, in order, on a goroutine of the subscription's own (so it may call
// the client), instead of through Events.
func WithHandler(handler func(Event)) SubscribeOption {
	return func(s *Subscription) { s.handler = handler }
}

// WithRecoveryHandler is told, after each reconnect, whether the subscription came back without losing events.
func WithRecoveryHandler(handler func(recovered bool)) SubscribeOption {
	return func(s *Subscription) { s.onRecovery = handler }
}

// WithBuffer sets how many events may wait unread (default 1024); beyond it the oldest are dropped and counted,
// so that a slow reader never stops the client's reader.
func WithBuffer(size int) SubscribeOption { return func(s *Subscription) { s.buffer = size } }

// Subscription is a followed topic, restored after every reconnect from the last event received.
type Subscription struct {
	client     *Client
	topic      string
	scope      string
	handler    func(Event)
	onRecovery func(bool)
	buffer     int
	events     chan Event

	// guarded by the client's mutex
	position  *Position
	recovered *bool
	dropped   int64
	ended     bool
	once      sync.Once
}

// Subscribe follows topic ("anomalies", "alerts", "stats", "drift") and returns once the gateway confirmed.
func (c *Client) Subscribe(ctx context.Context, topic string, options ...SubscribeOption) (*Subscription, error) {
	s := &Subscription{client: c, topic: topic, scope: "session", buffer: 1024}
	for _, option := range options {
		option(s)
	}
	if s.buffer < 1 {
		s.buffer = 1
	}
	s.events = make(chan Event, s.buffer)
	since := s.position != nil
	message := s.message() // before the reader can see the subscription and move its position
	c.mu.Lock()
	if previous, ok := c.subscriptions[topic]; ok {
		previous.end()
	}
	c.subscriptions[topic] = s
	c.mu.Unlock()
	var answer struct {
		Recovered bool `json:"recovered"`
	}
	if err := c.call(ctx, message, &answer); err != nil {
		c.mu.Lock()
		if c.subscriptions[topic] == s {
			delete(c.subscriptions, topic)
		}
		s.end()
		c.mu.Unlock()
		return nil, err
	}
	if since {
		c.mu.Lock()
		s.recovered = &answer.Recovered
		c.mu.Unlock()
	}
	if s.handler != nil {
		go func() {
			for event := range s.events {
				s.handler(event)
			}
		}()
	}
	return s, nil
}

// Unsubscribe stops following the topic; it reports whether the gateway had the subscription.
func (c *Client) Unsubscribe(ctx context.Context, topic string) (bool, error) {
	c.mu.Lock()
	if s, ok := c.subscriptions[topic]; ok {
		s.end()
		delete(c.subscriptions, topic)
	}
	c.mu.Unlock()
	var answer struct {
		WasSubscribed bool `json:"was_subscribed"`
	}
	err := c.call(ctx, map[string]any{"type": "unsubscribe", "config": map[string]any{"topic": topic}}, &answer)
	return answer.WasSubscribed, err
}

// Topic is the topic followed.
func (s *Subscription) Topic() string { return s.topic }

// Events delivers the topic's events in order; it is closed when the subscription or the client ends. Not used
// with WithHandler.
func (s *Subscription) Events() <-chan Event { return s.events }

// Position is the last event received with a position, or nil.
func (s *Subscription) Position() *Position {
	s.client.mu.Lock()
	defer s.client.mu.Unlock()
	return s.position
}

// Recovered reports how the last re-subscription went (or the first, made WithSince): recovered is true when
// every missed event was replayed, false when some may be lost (reload what you build from the topic); known is
// false before any.
func (s *Subscription) Recovered() (recovered bool, known bool) {
	s.client.mu.Lock()
	defer s.client.mu.Unlock()
	if s.recovered == nil {
		return false, false
	}
	return *s.recovered, true
}

// Dropped is how many events were dropped because the reader fell more than the buffer behind.
func (s *Subscription) Dropped() int64 {
	s.client.mu.Lock()
	defer s.client.mu.Unlock()
	return s.dropped
}

// Unsubscribe stops following the topic.
func (s *Subscription) Unsubscribe(ctx context.Context) (bool, error) {
	return s.client.Unsubscribe(ctx, s.topic)
}

func (s *Subscription) message() map[string]any {
	config := map[string]any{"topic": s.topic, "scope": s.scope}
	if s.position != nil {
		config["since"] = map[string]any{"epoch": s.position.Epoch, "offset": s.position.Offset}
	}
	return map[string]any{"type": "subscribe", "config": config}
}

// deliver hands an event over without waiting (the client's mutex is held): when the buffer is full, the oldest
// event gives way.
func (s *Subscription) deliver(event Event) {
	if s.ended {
		return
	}
	if event.Position != nil && s.scope == "session" {
		s.position = event.Position
	}
	for {
		select {
		case s.events <- event:
			return
		default:
		}
		select {
		case <-s.events:
			s.dropped++
		default:
		}
	}
}

func (s *Subscription) resubscribed(recovered bool) {
	s.recovered = &recovered
	if s.onRecovery != nil {
		go s.onRecovery(recovered)
	}
}

func (s *Subscription) end() {
	s.once.Do(func() {
		s.ended = true
		close(s.events)
	})
}

// Decode decodes the event's message into out, e.g. a struct with the fields of an anomaly.
func (e Event) Decode(out any) error { return json.Unmarshal(e.Body, out) }
