package anomaly_test

import (
	"context"
	"errors"
	"math"
	"net"
	"testing"
	"time"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
)

func TestADimensionMismatchIsTypedAndTheConnectionCarriesOn(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	ctx := context.Background()
	if _, err := client.SendSample(ctx, []float64{1, 2}); err != nil {
		t.Fatal(err)
	}
	_, err := client.SendSample(ctx, []float64{1, 2, 3})
	var server *anomaly.ServerError
	if !errors.Is(err, anomaly.ErrDimensionMismatch) || !errors.As(err, &server) || server.Temporary() ||
		server.RequestID == "" || server.Message == "" {
		t.Fatalf("%#v", err)
	}
	if result, err := client.SendSample(ctx, []float64{3, 4}); err != nil || result.Metadata.BufferSize != 2 {
		t.Fatalf("%+v, %v", result, err)
	}
}

func TestBadRequestsGiveTheirCodes(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	ctx := context.Background()
	cases := []struct {
		name string
		call func() error
		want error
	}{
		{"algorithm", func() error {
			_, err := client.SendSample(ctx, []float64{1}, anomaly.WithAlgorithm("crystal_ball"))
			return err
		}, anomaly.ErrUnknownAlgorithm},
		{"ragged", func() error { _, err := client.SendBatch(ctx, [][]float64{{1, 2}, {1}}); return err },
			anomaly.ErrRaggedBatch},
		{"empty", func() error { _, err := client.SendBatch(ctx, [][]float64{}); return err }, anomaly.ErrEmptyBatch},
		{"config", func() error { _, err := client.Configure(ctx, map[string]any{"no_such": 1}); return err },
			anomaly.ErrInvalidConfig},
		{"drift", func() error { _, err := client.CheckDrift(ctx, anomaly.DriftRequest{WindowSize: 1}); return err },
			anomaly.ErrInvalidField},
		{"type", func() error { _, err := client.Request(ctx, map[string]any{"type": "teleport"}); return err },
			anomaly.ErrUnknownType},
	}
	for _, c := range cases {
		if err := c.call(); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestAViewerMayNotScore(t *testing.T) {
	client := connect(t, server.url(), session(t), anomaly.WithToken(server.token(t, "viewer", "1h")))
	if _, err := client.SendSample(context.Background(), []float64{1}); !errors.Is(err, anomaly.ErrForbidden) {
		t.Fatal(err)
	}
}

func TestValuesJSONCannotCarryFailAtOnce(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	if _, err := client.SendSample(context.Background(), []float64{math.NaN()}); err == nil {
		t.Fatal("NaN was sent")
	}
	if client.Statistics().Sent != 0 {
		t.Fatal("counted as sent")
	}
}

func TestARequestOverTheMessageLimitFailsUnsent(t *testing.T) {
	client := connect(t, server.url(), session(t), producer(t))
	big := make([][]float64, 9_000)
	for i := range big {
		big[i] = make([]float64, 100)
		for k := range big[i] {
			big[i][k] = 0.123456789
		}
	}
	_, err := client.SendBatch(context.Background(), big)
	if !errors.Is(err, anomaly.ErrMessageTooLarge) || client.Statistics().Reconnects != 0 {
		t.Fatal(err)
	}
	if _, err := client.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestAnInvalidStaticTokenStopsTheClient(t *testing.T) {
	_, err := anomaly.Connect(context.Background(), server.url(), session(t), anomaly.WithToken("not-a-token"))
	if !errors.Is(err, anomaly.ErrUnauthorized) {
		t.Fatal(err)
	}
}

func TestAMalformedSessionIDIsRefusedForGood(t *testing.T) {
	_, err := anomaly.Connect(context.Background(), server.url(), "bad!session", producer(t))
	var refused *anomaly.RefusedError
	if !errors.Is(err, anomaly.ErrRefused) || !errors.As(err, &refused) || refused.Status != 400 {
		t.Fatal(err)
	}
}

func nowhere(t *testing.T) string {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	address := listener.Addr().String()
	_ = listener.Close()
	return "ws://" + address
}

func TestARequestWithoutAGatewayTimesOut(t *testing.T) {
	client, err := anomaly.New(nowhere(t), session(t), anomaly.WithRequestTimeout(300*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	go func() { _ = client.Start(context.Background()) }()
	_, err = client.SendSample(context.Background(), []float64{1})
	if !errors.Is(err, anomaly.ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
}

func TestACancelledContextEndsTheRequest(t *testing.T) {
	client, err := anomaly.New(nowhere(t), session(t))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := client.SendSample(ctx, []float64{1}); !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	if client.Statistics().Queued != 0 {
		t.Fatal("the cancelled request stayed queued")
	}
}

func TestAFullQueueFailsTheRequestItsPolicyNames(t *testing.T) {
	for _, policy := range []anomaly.OverflowPolicy{anomaly.Reject, anomaly.DropOldest} {
		client, err := anomaly.New(nowhere(t), session(t), anomaly.WithQueue(2, policy))
		if err != nil {
			t.Fatal(err)
		}
		errs := make([]chan error, 3)
		for i := range errs {
			errs[i] = make(chan error, 1)
			go func(out chan error) {
				_, err := client.SendSample(context.Background(), []float64{1})
				out <- err
			}(errs[i])
			waitFor(t, func() bool { s := client.Statistics(); return s.Queued+int(s.Dropped) == i+1 })
		}
		loser := 2
		if policy == anomaly.DropOldest {
			loser = 0
		}
		if err := <-errs[loser]; !errors.Is(err, anomaly.ErrQueueFull) {
			t.Fatalf("policy %d: %v", policy, err)
		}
		client.Close()
	}
}

func TestClosingFailsWhatIsPendingWithErrClosed(t *testing.T) {
	client, err := anomaly.New(nowhere(t), session(t))
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = client.Start(context.Background()) }()
	pending := make(chan error, 1)
	go func() {
		_, err := client.SendSample(context.Background(), []float64{1})
		pending <- err
	}()
	waitFor(t, func() bool { return client.Statistics().Queued == 1 })
	client.Close()
	if err := <-pending; !errors.Is(err, anomaly.ErrClosed) {
		t.Fatal(err)
	}
	if _, err := client.SendSample(context.Background(), []float64{1}); !errors.Is(err, anomaly.ErrClosed) {
		t.Fatal(err)
	}
}
