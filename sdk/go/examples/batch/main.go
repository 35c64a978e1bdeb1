// Command batch scores a table in batches, all in flight at once, and prints the rate and the anomalies found.
//
//	go run ./examples/batch -url ws://localhost:8000 -token $TOKEN -rows 2000 -batch 250
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"sync"
	"time"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
	"github.com/anomaly-gateway/gateway/sdk/go/examples/internal/flags"
)

func main() {
	rows := flag.Int("rows", 2000, "rows to score")
	size := flag.Int("batch", 250, "rows per batch")
	common := flags.Parse()
	ctx := context.Background()
	client := common.Connect(ctx, common.Session)
	defer client.Close()
	random := rand.New(rand.NewSource(11))
	table := make([][]float64, *rows)
	for i := range table {
		table[i] = []float64{random.NormFloat64(), random.NormFloat64(), random.NormFloat64(), random.NormFloat64()}
		if i >= 300 && i%97 == 0 {
			table[i][i%4] += 9
		}
	}
	started := time.Now()
	var wg sync.WaitGroup
	results := make([]*anomaly.BatchResult, (len(table)+*size-1) / *size)
	for b := range results {
		wg.Add(1)
		go func(b int) {
			defer wg.Done()
			end := (b + 1) * *size
			if end > len(table) {
				end = len(table)
			}
			result, err := client.SendBatch(ctx, table[b**size:end])
			if err != nil {
				log.Fatal(err)
			}
			results[b] = result
		}(b)
	}
	wg.Wait()
	seconds := time.Since(started).Seconds()
	anomalies, first := 0, []int{}
	for b, result := range results {
		anomalies += result.Anomalies
		for _, row := range result.Results {
			if row.IsAnomaly && len(first) < 5 {
				first = append(first, b**size+row.Index)
			}
		}
	}
	fmt.Printf("%d rows in %d batches, %.0f rows/s, %d anomalies, first at rows %v\n", len(table), len(results),
		float64(len(table))/seconds, anomalies, first)
}
