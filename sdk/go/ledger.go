package anomaly

import (
	"container/list"
	"sort"
	"time"
)

// request is one call and its outcome. Its id and frame stay the same through every re-send, which is what lets
// the gateway answer a repeat with its first result instead of scoring it twice.
type request struct {
	id      string
	frame   []byte
	done    chan outcome // buffered: settling never blocks
	started time.Time
	settled bool
	element *list.Element // its place in the ledger's in-flight order
}

type outcome struct {
	message []byte
	err     error
}

// ledger holds every request without an outcome: queued for a connection (bounded, with the overflow policy),
// refused for now (sent again first, in the order refused) and in flight (in the order sent, to send again in that
// order after a reconnect), and the counters. The client's mutex guards it. Whoever removes a request settles it.
type ledger struct {
	maxQueued   int
	maxInFlight int
	policy      OverflowPolicy
	queued      []*request
	refused     []*request
	inFlight    map[string]*request
	order       *list.List
	latencies   []float64 // a ring of the latest answers' latencies in milliseconds
	next        int
	maxLatency  float64
	sent        int64
	answers     int64
	errors      int64
	dropped     int64
}

const latencySamples = 65_536

func newLedger(o Options) *ledger {
	return &ledger{maxQueued: o.MaxQueueSize, maxInFlight: o.MaxInFlight, policy: o.Overflow,
		inFlight: map[string]*request{}, order: list.New()}
}

// queue puts a request in line; over the bound, the policy's loser fails with ErrQueueFull.
func (l *ledger) queue(r *request) {
	if len(l.queued) >= l.maxQueued {
		l.dropped++
		if l.policy == Reject {
			l.settle(r, nil, ErrQueueFull)
			return
		}
		oldest := l.queued[0]
		l.queued = l.queued[1:]
		l.settle(oldest, nil, ErrQueueFull)
	}
	l.queued = append(l.queued, r)
}

func (l *ledger) refuse(r *request) { l.refused = append(l.refused, r) }

func (l *ledger) canSend() bool {
	return len(l.queued) == 0 && len(l.refused) == 0 && len(l.inFlight) < l.maxInFlight
}

// nextToSend is the next waiting request (refused ones first), now in flight, or nil.
func (l *ledger) nextToSend() *request {
	if len(l.inFlight) >= l.maxInFlight {
		return nil
	}
	var r *request
	switch {
	case len(l.refused) > 0:
		r, l.refused = l.refused[0], l.refused[1:]
	case len(l.queued) > 0:
		r, l.queued = l.queued[0], l.queued[1:]
	default:
		return nil
	}
	l.sending(r)
	return r
}

func (l *ledger) sending(r *request) {
	r.element = l.order.PushBack(r)
	l.inFlight[r.id] = r
	l.sent++
}

// resend is the requests in flight in the order first sent; each counts as sent again.
func (l *ledger) resend() []*request {
	all := make([]*request, 0, l.order.Len())
	for e := l.order.Front(); e != nil; e = e.Next() {
		all = append(all, e.Value.(*request))
	}
	l.sent += int64(len(all))
	return all
}

// answered removes the request an answer is for; nil when none (already settled: a late answer).
func (l *ledger) answered(id string) *request {
	r, ok := l.inFlight[id]
	if !ok {
		return nil
	}
	l.removeInFlight(r)
	l.answers++
	latency := float64(time.Since(r.started).Microseconds()) / 1000
	if len(l.latencies) < latencySamples {
		l.latencies = append(l.latencies, latency)
	} else {
		l.latencies[l.next%latencySamples] = latency
	}
	l.next++
	if latency > l.maxLatency {
		l.maxLatency = latency
	}
	return r
}

func (l *ledger) removeInFlight(r *request) {
	delete(l.inFlight, r.id)
	if r.element != nil {
		l.order.Remove(r.element)
		r.element = nil
	}
}

// fail removes a request from wherever it waits and settles it with err.
func (l *ledger) fail(r *request, err error) {
	if _, ok := l.inFlight[r.id]; ok {
		l.removeInFlight(r)
	} else {
		l.queued = without(l.queued, r)
		l.refused = without(l.refused, r)
	}
	l.settle(r, nil, err)
}

// drain is every pending request, forgotten: the client gives up on them.
func (l *ledger) drain() []*request {
	all := l.resend()
	l.sent -= int64(len(all))
	all = append(append(all, l.refused...), l.queued...)
	l.inFlight, l.order, l.queued, l.refused = map[string]*request{}, list.New(), nil, nil
	return all
}

func (l *ledger) empty() bool {
	return len(l.inFlight) == 0 && len(l.queued) == 0 && len(l.refused) == 0
}

func (l *ledger) settle(r *request, message []byte, err error) {
	if r.settled {
		return
	}
	r.settled = true
	if err != nil {
		l.errors++
	}
	r.done <- outcome{message, err}
}

func (l *ledger) statistics(reconnects int64) Statistics {
	ordered := append([]float64(nil), l.latencies...)
	sort.Float64s(ordered)
	percentile := func(p float64) float64 {
		if len(ordered) == 0 {
			return 0
		}
		i := int(p * float64(len(ordered)))
		if i >= len(ordered) {
			i = len(ordered) - 1
		}
		return ordered[i]
	}
	return Statistics{Sent: l.sent, Answered: l.answers, Errors: l.errors, Reconnects: reconnects,
		Dropped: l.dropped, Queued: len(l.queued) + len(l.refused), InFlight: len(l.inFlight),
		LatencyP50: percentile(0.5), LatencyP99: percentile(0.99), LatencyMax: l.maxLatency}
}

func without(requests []*request, r *request) []*request {
	for i, candidate := range requests {
		if candidate == r {
			return append(requests[:i], requests[i+1:]...)
		}
	}
	return requests
}
