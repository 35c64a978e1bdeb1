package anomaly_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
)

func TestTenThousandSamplesThroughThreeCutsAreEachScoredOnce(t *testing.T) {
	p, err := startProxy("127.0.0.1:" + server.port)
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	client := connect(t, p.url(), session(t), producer(t), anomaly.WithReconnect(anomaly.Reconnect{
		MaxAttempts: -1, Initial: 50 * time.Millisecond, Max: time.Second, Jitter: 0.5}))
	const total = 10_000
	var answered atomic.Int64
	ids := make([]string, total)
	var wg sync.WaitGroup
	failures := make(chan error, total)
	slots := make(chan struct{}, 256)
	for i, row := range rows(total, 4, 9) {
		wg.Add(1)
		slots <- struct{}{}
		go func(i int, row []float64) {
			defer wg.Done()
			defer func() { <-slots }()
			result, err := client.SendSample(context.Background(), row)
			if err != nil {
				failures <- err
				return
			}
			ids[i] = result.SampleID
			if n := answered.Add(1); n%2_500 == 0 && n < total {
				p.cut()
			}
		}(i, row)
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		t.Fatal(err)
	}
	distinct := map[string]bool{}
	for _, id := range ids {
		distinct[id] = true
	}
	stats, err := client.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := client.Statistics()
	if len(distinct) != total || stats.TotalSamples() != total || p.cuts != 3 || s.Reconnects != 3 || s.Errors != 0 {
		t.Fatalf("%d distinct results, the session counted %d, %d cuts, statistics %+v", len(distinct),
			stats.TotalSamples(), p.cuts, s)
	}
}

func TestASubscriptionRecoversTheEventsMissedWhileDisconnected(t *testing.T) {
	p, err := startProxy("127.0.0.1:" + server.port)
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	id := session(t)
	source := connect(t, server.url(), id, producer(t))
	watcher := connect(t, p.url(), id, anomaly.WithToken(server.token(t, "viewer", "1h")),
		anomaly.WithReconnect(anomaly.Reconnect{MaxAttempts: -1, Initial: 50 * time.Millisecond, Max: time.Second}))
	recoveries := make(chan bool, 4)
	subscription, err := watcher.Subscribe(context.Background(), "anomalies",
		anomaly.WithRecoveryHandler(func(recovered bool) { recoveries <- recovered }))
	if err != nil {
		t.Fatal(err)
	}
	fitted(t, source)
	if _, err := source.SendSample(context.Background(), outlier); err != nil {
		t.Fatal(err)
	}
	awaitEvent(t, subscription.Events(), func(e anomaly.Event) bool { return dataOf(e)[0] == 40 })
	p.hold()
	waitFor(t, func() bool { return !watcher.Connected() })
	for _, value := range []float64{41, 42} {
		result, err := source.SendSample(context.Background(), []float64{value, value, value})
		if err != nil || !result.IsAnomaly {
			t.Fatalf("%+v, %v", result, err)
		}
	}
	p.release()
	select {
	case recovered := <-recoveries:
		if !recovered {
			t.Fatal("not recovered")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no re-subscription")
	}
	first := awaitEvent(t, subscription.Events(), func(e anomaly.Event) bool { return dataOf(e)[0] >= 41 })
	second := awaitEvent(t, subscription.Events(), func(e anomaly.Event) bool { return dataOf(e)[0] >= 41 })
	if dataOf(first)[0] != 41 || dataOf(second)[0] != 42 || second.Position.Offset <= first.Position.Offset {
		t.Fatalf("missed events out of order: %s then %s", first.Body, second.Body)
	}
}

func TestTheTokenIsRefreshedBeforeItExpires(t *testing.T) {
	later := server.token(t, "producer", "1h")
	short := server.token(t, "producer", "10s") // minted last: its lifetime starts just before the client connects
	minted := time.Now()
	var handed []string
	var mu sync.Mutex
	var refreshed atomic.Bool
	client := connect(t, server.url(), session(t), anomaly.WithTokenSupplier(func(context.Context) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		if len(handed) == 0 {
			handed = append(handed, short)
		} else {
			handed = append(handed, later)
		}
		return handed[len(handed)-1], nil
	}), anomaly.WithMessageObserver(func(message []byte) {
		if strings.Contains(string(message), `"type":"refreshed"`) {
			refreshed.Store(true)
		}
	}))
	waitFor(t, refreshed.Load)
	deadline := minted.Add(11 * time.Second)
	waitFor(t, func() bool { return time.Now().After(deadline) }) // past the first token's expiry
	if _, err := client.SendSample(context.Background(), []float64{1, 2}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(handed) != 2 || client.Statistics().Reconnects != 0 {
		t.Fatalf("tokens handed %d, statistics %+v", len(handed), client.Statistics())
	}
}

func TestRateLimitedRequestsAreWaitedOut(t *testing.T) {
	var refusals atomic.Int64
	client := connect(t, server.url(), session(t), anomaly.WithToken(server.token(t, "viewer", "1h")),
		anomaly.WithMessageObserver(func(message []byte) {
			var answer struct {
				Error *struct {
					Code       string `json:"code"`
					RetryAfter *int64 `json:"retry_after_ms"`
				} `json:"error"`
			}
			if json.Unmarshal(message, &answer) == nil && answer.Error != nil && answer.Error.Code == "RATE_LIMITED" &&
				answer.Error.RetryAfter != nil {
				refusals.Add(1)
			}
		}))
	var wg sync.WaitGroup
	failures := make(chan error, 150)
	for i := 0; i < 150; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := client.Ping(context.Background()); err != nil {
				failures <- err
			}
		}()
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		t.Fatal(err)
	}
	if s := client.Statistics(); refusals.Load() == 0 || s.Errors != 0 || s.Reconnects != 0 {
		t.Fatalf("%d refusals, statistics %+v", refusals.Load(), s)
	}
}
