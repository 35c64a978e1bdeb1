package anomaly

import (
	"math"
	"math/rand"
	"time"
)

// delay is the wait before reconnect attempt n (from 0): exponential from Initial up to Max, shortened by a random
// share Jitter; at least a millisecond.
func (r Reconnect) delay(attempt int, random *rand.Rand) time.Duration {
	ceiling := math.Min(float64(r.Max), float64(r.Initial)*math.Pow(2, math.Min(float64(attempt), 62)))
	wait := time.Duration(ceiling * (1 - r.Jitter*random.Float64()))
	if wait < time.Millisecond {
		return time.Millisecond
	}
	return wait
}
