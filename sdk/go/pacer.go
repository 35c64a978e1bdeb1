package anomaly

import "time"

// calm is how long pacing lasts after the last refusal: long enough to settle at the server's rate, no longer.
const calm = time.Second

// pacer is how fast a connection may send once the gateway has said it sends too fast. After a RATE_LIMITED
// answer the client sends at most one request per retry_after_ms (the time the gateway's token bucket needs for
// one more request) until a second passes without a refusal. Without it the refused requests would all go out
// again together and be refused again, and a gateway closes a connection that keeps sending at over twice its rate.
type pacer struct {
	interval time.Duration
	until    time.Time
	next     time.Time
}

func (p *pacer) refused(now time.Time, retryAfter time.Duration) {
	if retryAfter < time.Millisecond {
		retryAfter = time.Millisecond
	}
	p.interval = retryAfter
	p.until = now.Add(retryAfter + calm)
	if now.Add(retryAfter).After(p.next) {
		p.next = now.Add(retryAfter)
	}
}

// delay is how long to wait before the next request may go; 0 when it may go now.
func (p *pacer) delay(now time.Time) time.Duration {
	if wait := p.next.Sub(now); wait > 0 {
		return wait
	}
	return 0
}

func (p *pacer) sent(now time.Time) {
	if now.Before(p.until) {
		p.next = now.Add(p.interval)
	}
}
