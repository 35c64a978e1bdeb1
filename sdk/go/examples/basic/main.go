// Command basic streams samples one by one and prints each anomaly with the feature that explains it best.
//
//	go run ./examples/basic -url ws://localhost:8000 -token $TOKEN -samples 500
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand"

	"github.com/anomaly-gateway/gateway/sdk/go/examples/internal/flags"
)

func main() {
	samples := flag.Int("samples", 500, "samples to stream")
	common := flags.Parse()
	ctx := context.Background()
	client := common.Connect(ctx, common.Session)
	defer client.Close()
	random := rand.New(rand.NewSource(7))
	anomalies := 0
	for i := 0; i < *samples; i++ {
		data := []float64{random.NormFloat64(), random.NormFloat64(), random.NormFloat64()}
		if i > 200 && i%50 == 0 {
			data[1] += 12
		}
		result, err := client.SendSample(ctx, data)
		if err != nil {
			log.Fatal(err)
		}
		if result.IsAnomaly {
			anomalies++
			top := result.Metadata.Explanation[0]
			fmt.Printf("sample %d: anomaly, score %.2f, feature %d (%s, %.0f%% of the explanation)\n", i,
				result.ConfidenceScore, top.Index, top.Direction, top.Contribution*100)
		}
	}
	stats, err := client.Stats(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("streamed %d samples: %d anomalies; session total %d\n", *samples, anomalies, stats.TotalSamples())
}
