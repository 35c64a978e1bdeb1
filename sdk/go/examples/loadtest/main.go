// Command loadtest measures one connection of the Go client: samples with 1 and with 32 requests in flight, then
// batches; it prints rates and latency percentiles, and the same as one JSON line for scripts.
//
//	go run ./examples/loadtest -url ws://localhost:8000 -token $TOKEN -samples 20000
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"sort"
	"sync"
	"time"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
	"github.com/anomaly-gateway/gateway/sdk/go/examples/internal/flags"
)

type figures struct {
	Window    int     `json:"window"`
	Samples   int     `json:"samples"`
	PerSecond float64 `json:"per_second"`
	P50       float64 `json:"p50_ms"`
	P99       float64 `json:"p99_ms"`
}

func main() {
	samples := flag.Int("samples", 20000, "samples per run")
	batches := flag.Int("batches", 50, "batches")
	batchSize := flag.Int("batch-size", 100, "rows per batch")
	common := flags.Parse()
	ctx := context.Background()
	report := map[string]any{}
	for _, window := range []int{1, 32} {
		client := common.Connect(ctx, fmt.Sprintf("%s-w%d", common.Session, window))
		warmup := *samples
		if warmup > 500 {
			warmup = 500
		}
		run(ctx, client, warmup, window)
		result := run(ctx, client, *samples, window)
		client.Close()
		report[fmt.Sprintf("window_%d", window)] = result
		fmt.Printf("samples, window %2d: %9.0f/s   p50 %.2f ms   p99 %.2f ms\n", window, result.PerSecond,
			result.P50, result.P99)
	}
	client := common.Connect(ctx, common.Session+"-batch")
	defer client.Close()
	rows := table(*batchSize, 2)
	started := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < *batches; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := client.SendBatch(ctx, rows); err != nil {
				log.Fatal(err)
			}
		}()
	}
	wg.Wait()
	rate := float64(*batches**batchSize) / time.Since(started).Seconds()
	report["batches"] = map[string]any{"batches": *batches, "batch_size": *batchSize, "rows_per_second": rate}
	fmt.Printf("batches of %d: %9.0f rows/s\n", *batchSize, rate)
	line, _ := json.Marshal(report)
	fmt.Println(string(line))
}

// run keeps window samples in flight; each latency is from the call to its answer.
func run(ctx context.Context, client *anomaly.Client, count, window int) figures {
	rows := table(count, 1)
	latencies := make([]float64, count)
	slots := make(chan struct{}, window)
	var wg sync.WaitGroup
	started := time.Now()
	for i, row := range rows {
		slots <- struct{}{}
		wg.Add(1)
		go func(i int, row []float64) {
			defer func() { <-slots; wg.Done() }()
			begun := time.Now()
			if _, err := client.SendSample(ctx, row); err != nil {
				log.Fatal(err)
			}
			latencies[i] = float64(time.Since(begun).Microseconds()) / 1000
		}(i, row)
	}
	wg.Wait()
	seconds := time.Since(started).Seconds()
	sort.Float64s(latencies)
	return figures{Window: window, Samples: count, PerSecond: float64(count) / seconds,
		P50: latencies[count/2], P99: latencies[count*99/100]}
}

func table(n int, seed int64) [][]float64 {
	random := rand.New(rand.NewSource(seed))
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = make([]float64, 8)
		for k := range rows[i] {
			rows[i][k] = random.NormFloat64()
		}
	}
	return rows
}
