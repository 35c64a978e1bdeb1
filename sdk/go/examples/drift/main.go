// Command drift streams a signal whose mean moves, asks the gateway whether it drifted, and resets the reference.
//
//	go run ./examples/drift -url ws://localhost:8000 -token $TOKEN
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"time"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
	"github.com/anomaly-gateway/gateway/sdk/go/examples/internal/flags"
)

func main() {
	shift := flag.Float64("shift", 3, "how far the mean moves")
	common := flags.Parse()
	ctx := context.Background()
	client := common.Connect(ctx, common.Session)
	defer client.Close()
	drifts, err := client.Subscribe(ctx, "drift")
	if err != nil {
		log.Fatal(err)
	}
	random := rand.New(rand.NewSource(5))
	table := func(n int, mean float64) [][]float64 {
		rows := make([][]float64, n)
		for i := range rows {
			rows[i] = []float64{mean + random.NormFloat64(), 5 + 2*random.NormFloat64()}
		}
		return rows
	}
	must := func(_ any, err error) {
		if err != nil {
			log.Fatal(err)
		}
	}
	must(client.SendBatch(ctx, table(600, 0)))
	steady, err := client.CheckDrift(ctx, anomaly.DriftRequest{WindowSize: 200, Method: "ks"})
	must(steady, err)
	fmt.Printf("before the change: drift %v (%s)\n", steady.DriftDetected, steady.Status)
	must(client.SendBatch(ctx, table(300, *shift)))
	for _, method := range []string{"ks", "psi"} {
		result, err := client.CheckDrift(ctx, anomaly.DriftRequest{WindowSize: 200, Method: method, Alpha: 0.01})
		must(result, err)
		drifted := []int{}
		for _, feature := range result.Features {
			if feature.Drifted {
				drifted = append(drifted, feature.Index)
			}
		}
		fmt.Printf("after the change (%s): drift %v, evidence %s, drifted features %v\n", method,
			result.DriftDetected, result.Evidence, drifted)
	}
	select {
	case event := <-drifts.Events():
		fmt.Printf("monitoring published a drift event (%s)\n", event.Type)
	case <-time.After(10 * time.Second):
		fmt.Println("monitoring published no drift event yet")
	}
	reset, err := client.CheckDrift(ctx, anomaly.DriftRequest{Reset: true})
	must(reset, err)
	fmt.Printf("reference %s: a new one forms from the next samples\n", reset.Status)
}
