package anomaly_test

import (
	"context"
	"encoding/json"
	"math"
	"math/rand"
	"testing"
	"time"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
)

var outlier = []float64{40, 40, 40}

func connect(t *testing.T, url, sessionID string, options ...anomaly.Option) *anomaly.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client, err := anomaly.Connect(ctx, url, sessionID, options...)
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

func producer(t *testing.T) anomaly.Option {
	return anomaly.WithToken(server.token(t, "producer", "1h"))
}

func rows(count, dims int, seed int64) [][]float64 {
	random := rand.New(rand.NewSource(seed))
	table := make([][]float64, count)
	for i := range table {
		table[i] = make([]float64, dims)
		for k := range table[i] {
			table[i][k] = random.NormFloat64()
		}
	}
	return table
}

// fitted streams normal rows until the session's model is fitted.
func fitted(t *testing.T, client *anomaly.Client) {
	t.Helper()
	ctx := context.Background()
	if _, err := client.SendBatch(ctx, rows(150, 3, 1)); err != nil {
		t.Fatal(err)
	}
	for _, row := range rows(300, 3, 2) {
		result, err := client.SendSample(ctx, row)
		if err != nil {
			t.Fatal(err)
		}
		if result.Metadata.ModelFitted {
			return
		}
	}
	t.Fatal("the model never fitted")
}

func TestSendSampleReturnsTheVerdictWithTheProtocolsNames(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	result, err := client.SendSample(context.Background(), []float64{0.5, 1.2, -0.3},
		anomaly.WithTimestamp("2025-07-23T10:30:01Z"))
	if err != nil {
		t.Fatal(err)
	}
	if result.SampleID == "" || result.Algorithm != "isolation_forest" || result.IsAnomaly ||
		result.ConfidenceScore != 0 || result.Metadata.BufferSize != 1 || result.Metadata.ModelFitted {
		t.Fatalf("unexpected first result %+v", result)
	}
}

func TestAnOutlierIsFlaggedAndExplained(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	fitted(t, client)
	result, err := client.SendSample(context.Background(), outlier)
	if err != nil {
		t.Fatal(err)
	}
	explanation := result.Metadata.Explanation
	if !result.IsAnomaly || result.Metadata.Threshold == nil || result.ConfidenceScore <= *result.Metadata.Threshold ||
		len(explanation) == 0 || explanation[0].Direction != "above" {
		t.Fatalf("the outlier's verdict %+v", result)
	}
	sum := 0.0
	for _, feature := range explanation {
		sum += feature.Contribution
	}
	if math.Abs(sum-1) > 0.02 {
		t.Fatalf("contributions sum to %v", sum)
	}
}

func TestSendSampleWithAnotherAlgorithm(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	result, err := client.SendSample(context.Background(), []float64{1, 2}, anomaly.WithAlgorithm("one_class_svm"))
	if err != nil || result.Algorithm != "one_class_svm" {
		t.Fatalf("%+v, %v", result, err)
	}
}

func TestSendBatchAnswersEveryRowInOrder(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	batch, err := client.SendBatch(context.Background(), rows(40, 3, 3), anomaly.WithAlgorithm("random_cut_forest"))
	if err != nil {
		t.Fatal(err)
	}
	if batch.Count != 40 || len(batch.Results) != 40 || batch.Algorithm != "random_cut_forest" {
		t.Fatalf("batch %+v", batch)
	}
	for i, row := range batch.Results {
		if row.Index != i || row.BufferSize != i+1 {
			t.Fatalf("row %d: %+v", i, row)
		}
	}
}

func TestStatsCountTheSessionsSamples(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	if _, err := client.SendBatch(context.Background(), rows(25, 3, 4)); err != nil {
		t.Fatal(err)
	}
	stats, err := client.Stats(context.Background())
	if err != nil || stats.TotalSamples() != 25 || stats.Client["client_id"] != client.ClientID() {
		t.Fatalf("%+v, %v", stats, err)
	}
}

func TestCheckDriftComparesAndResets(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	ctx := context.Background()
	early, err := client.CheckDrift(ctx, anomaly.DriftRequest{WindowSize: 100})
	if err != nil || early.Status != "insufficient_data" || early.SamplesNeeded != 600 {
		t.Fatalf("%+v, %v", early, err)
	}
	shifted := rows(200, 3, 6)
	for _, row := range shifted {
		row[0] += 4
	}
	for _, batch := range [][][]float64{rows(500, 3, 5), shifted} {
		if _, err := client.SendBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	drift, err := client.CheckDrift(ctx, anomaly.DriftRequest{WindowSize: 200, Method: "ks", Alpha: 0.01})
	if err != nil || drift.Status != "ok" || !drift.DriftDetected || !drift.Features[0].Drifted {
		t.Fatalf("%+v, %v", drift, err)
	}
	reset, err := client.CheckDrift(ctx, anomaly.DriftRequest{Reset: true})
	if err != nil || reset.Status != "reset" {
		t.Fatalf("%+v, %v", reset, err)
	}
}

func TestConfigureChangesAndReadsSettings(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	changed, err := client.Configure(context.Background(), map[string]any{"buffer_size": 400, "contamination": 0.1})
	if err != nil || changed["buffer_size"] != float64(400) || changed["contamination"] != 0.1 {
		t.Fatalf("%v, %v", changed, err)
	}
	read, err := client.Configure(context.Background(), nil)
	if err != nil || read["buffer_size"] != float64(400) {
		t.Fatalf("%v, %v", read, err)
	}
}

func TestPingMeasuresARoundTrip(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	roundTrip, err := client.Ping(context.Background())
	if err != nil || roundTrip <= 0 || roundTrip > 5*time.Second {
		t.Fatalf("%v, %v", roundTrip, err)
	}
}

func TestRefreshSwapsTheToken(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	expires, err := client.Refresh(context.Background(), server.token(t, "producer", "2h"))
	if err != nil || expires == "" {
		t.Fatalf("%q, %v", expires, err)
	}
}

func TestRequestSendsAnyMessage(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	answer, err := client.Request(context.Background(), map[string]any{"type": "ping"})
	var pong struct {
		Type string `json:"type"`
	}
	if err != nil || json.Unmarshal(answer, &pong) != nil || pong.Type != "pong" {
		t.Fatalf("%s, %v", answer, err)
	}
}

func TestSubscriptionDeliversEventsOnItsChannel(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	ctx := context.Background()
	subscription, err := client.Subscribe(ctx, "anomalies")
	if err != nil {
		t.Fatal(err)
	}
	fitted(t, client)
	if _, err := client.SendSample(ctx, outlier); err != nil {
		t.Fatal(err)
	}
	event := awaitEvent(t, subscription.Events(), func(e anomaly.Event) bool { return dataOf(e)[0] == 40 })
	if event.Type != "anomaly" || event.Position == nil || subscription.Position().Offset < event.Position.Offset {
		t.Fatalf("event %+v", event)
	}
	was, err := subscription.Unsubscribe(ctx)
	if err != nil || !was {
		t.Fatalf("%v, %v", was, err)
	}
	for range subscription.Events() {
	}
}

func TestSubscriptionDeliversEventsToAHandler(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	seen := make(chan anomaly.Event, 1024)
	if _, err := client.Subscribe(context.Background(), "anomalies",
		anomaly.WithHandler(func(e anomaly.Event) { seen <- e })); err != nil {
		t.Fatal(err)
	}
	fitted(t, client)
	if _, err := client.SendSample(context.Background(), outlier); err != nil {
		t.Fatal(err)
	}
	awaitEvent(t, seen, func(e anomaly.Event) bool { return dataOf(e)[0] == 40 })
}

func TestASubscriptionSinceAForeignPositionIsNotRecovered(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	subscription, err := client.Subscribe(context.Background(), "anomalies",
		anomaly.WithSince(anomaly.Position{Epoch: "another-gateway", Offset: 12}))
	if err != nil {
		t.Fatal(err)
	}
	if recovered, known := subscription.Recovered(); recovered || !known {
		t.Fatalf("recovered %v, known %v", recovered, known)
	}
}

func TestTheFullEndpointURLNamesTheSession(t *testing.T) {
	id := session(t)
	client := connect(t, server.url()+anomaly.EndpointPath+id, "", producer(t), anomaly.WithClientID("collector-1"))
	var welcome struct {
		SessionID string `json:"session_id"`
		ClientID  string `json:"client_id"`
	}
	if err := json.Unmarshal(client.Welcome(), &welcome); err != nil || welcome.SessionID != id ||
		welcome.ClientID != "collector-1" || !client.Connected() {
		t.Fatalf("welcome %s, %v", client.Welcome(), err)
	}
}

func TestStatisticsCountRequestsAndLatency(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	sendConcurrently(t, client, rows(50, 3, 7))
	s := client.Statistics()
	if s.Sent != 50 || s.Answered != 50 || s.Errors != 0 || s.Reconnects != 0 || s.Queued != 0 || s.InFlight != 0 ||
		s.LatencyP50 <= 0 || s.LatencyP50 > s.LatencyP99 || s.LatencyP99 > s.LatencyMax {
		t.Fatalf("statistics %+v", s)
	}
}

func TestDrainWaitsForWhatIsPending(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	errs := make(chan error, 20)
	for _, row := range rows(20, 3, 8) {
		go func(row []float64) {
			_, err := client.SendSample(context.Background(), row)
			errs <- err
		}(row)
	}
	waitFor(t, func() bool { s := client.Statistics(); return s.Sent+int64(s.Queued) == 20 })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := client.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// sendConcurrently sends every row from a goroutine of its own and returns the results in row order.
func sendConcurrently(t *testing.T, client *anomaly.Client, table [][]float64) []*anomaly.DetectionResult {
	t.Helper()
	results := make([]*anomaly.DetectionResult, len(table))
	errs := make(chan error, len(table))
	for i, row := range table {
		go func(i int, row []float64) {
			result, err := client.SendSample(context.Background(), row)
			results[i] = result
			errs <- err
		}(i, row)
	}
	for range table {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	return results
}

func awaitEvent(t *testing.T, events <-chan anomaly.Event, wanted func(anomaly.Event) bool) anomaly.Event {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case event, ok := <-events:
			if !ok {
				t.Fatal("the subscription ended")
			}
			if wanted(event) {
				return event
			}
		case <-timeout:
			t.Fatal("no such event within 20 s")
		}
	}
}

func dataOf(event anomaly.Event) []float64 {
	var body struct {
		Data []float64 `json:"data"`
	}
	_ = event.Decode(&body)
	if len(body.Data) == 0 {
		return []float64{math.NaN()}
	}
	return body.Data
}

// waitFor waits for a condition the test cannot be told about directly, checking it every few milliseconds.
func waitFor(t *testing.T, condition func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !condition() {
		if time.Now().After(deadline) {
			t.Fatal("the condition did not hold in time")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
