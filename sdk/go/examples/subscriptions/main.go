// Command subscriptions follows a session's anomalies and alerts while a producer streams to it, and says whether
// the subscriptions came back whole after reconnects.
//
//	go run ./examples/subscriptions -url ws://localhost:8000 -token $TOKEN -samples 600
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"time"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
	"github.com/anomaly-gateway/gateway/sdk/go/examples/internal/flags"
)

func main() {
	samples := flag.Int("samples", 600, "samples the producer streams")
	common := flags.Parse()
	ctx := context.Background()
	watcher := common.Connect(ctx, common.Session)
	defer watcher.Close()
	_, err := watcher.Subscribe(ctx, "alerts", anomaly.WithHandler(func(event anomaly.Event) {
		var alert struct {
			Status   string `json:"status"`
			Metadata struct {
				Title string `json:"title"`
			} `json:"metadata"`
		}
		_ = event.Decode(&alert)
		fmt.Printf("alert %s: %s\n", alert.Status, alert.Metadata.Title)
	}), anomaly.WithRecoveryHandler(func(recovered bool) { fmt.Printf("alerts recovered: %v\n", recovered) }))
	if err != nil {
		log.Fatal(err)
	}
	anomalies, err := watcher.Subscribe(ctx, "anomalies")
	if err != nil {
		log.Fatal(err)
	}
	produced := make(chan error, 1)
	go func() { produced <- produce(ctx, common, *samples) }()
	seen := 0
	for done := false; !done; {
		select {
		case event := <-anomalies.Events():
			seen++
			var body struct {
				Score float64   `json:"confidence_score"`
				Data  []float64 `json:"data"`
			}
			_ = json.Unmarshal(event.Body, &body)
			fmt.Printf("anomaly at offset %d: score %.2f, data %v\n", event.Position.Offset, body.Score, body.Data)
		case err := <-produced:
			if err != nil {
				log.Fatal(err)
			}
			produced = nil
		case <-time.After(3 * time.Second):
			done = produced == nil
		}
	}
	fmt.Printf("received %d anomaly events\n", seen)
}

func produce(ctx context.Context, common flags.Common, samples int) error {
	producer, err := anomaly.Connect(ctx, common.URL, common.Session, anomaly.WithToken(common.Token))
	if err != nil {
		return err
	}
	defer producer.Close()
	random := rand.New(rand.NewSource(9))
	// Outliers only once the model is fitted, and at least three: a busy server may fit it after min_samples.
	fitted, outliers := false, 0
	for i := 0; i < samples || outliers < 3; i++ {
		data := []float64{random.NormFloat64(), random.NormFloat64(), random.NormFloat64()}
		if fitted && i > 150 && i%40 == 0 {
			data = []float64{15, 15, 15}
			outliers++
		}
		result, err := producer.SendSample(ctx, data)
		if err != nil {
			return err
		}
		fitted = result.Metadata.ModelFitted
	}
	return nil
}
