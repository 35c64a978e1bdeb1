package anomaly_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	built     string
	buildErr  error
)

// example builds every example once, runs one against the real gateway and returns its output.
func example(t *testing.T, name string, args ...string) string {
	t.Helper()
	buildOnce.Do(func() {
		if built, buildErr = os.MkdirTemp("", "anomaly-examples-"); buildErr != nil {
			return
		}
		cleanups = append(cleanups, func() { _ = os.RemoveAll(built) })
		output, err := exec.Command("go", "build", "-o", built, "./examples/...").CombinedOutput()
		if err != nil {
			buildErr = err
			built = string(output)
		}
	})
	if buildErr != nil {
		t.Fatalf("building the examples: %v\n%s", buildErr, built)
	}
	args = append([]string{"-url", server.url(), "-session", session(t), "-token", server.token(t, "producer", "1h")},
		args...)
	output, err := exec.Command(filepath.Join(built, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, output)
	}
	return string(output)
}

func TestTheBasicExampleFindsThePlantedAnomalies(t *testing.T) {
	output := example(t, "basic", "-samples", "400")
	if !strings.Contains(output, "streamed 400 samples") || !strings.Contains(output, "session total 400") ||
		!strings.Contains(output, "anomaly, score") {
		t.Fatal(output)
	}
}

func TestTheBatchExampleScoresEveryRow(t *testing.T) {
	if output := example(t, "batch", "-rows", "1200", "-batch", "200"); !strings.Contains(output,
		"1200 rows in 6 batches") {
		t.Fatal(output)
	}
}

func TestTheDriftExampleSeesTheChangeAndResets(t *testing.T) {
	output := example(t, "drift")
	for _, want := range []string{"before the change: drift false", "after the change (ks): drift true",
		"drifted features [0]", "reference reset"} {
		if !strings.Contains(output, want) {
			t.Fatalf("no %q in\n%s", want, output)
		}
	}
}

func TestTheSubscriptionsExampleReceivesTheProducersAnomalies(t *testing.T) {
	output := example(t, "subscriptions", "-samples", "400")
	if !strings.Contains(output, "anomaly at offset") || strings.Contains(output, "received 0 anomaly events") {
		t.Fatal(output)
	}
}

func TestTheLoadTestReportsRatesAndPercentiles(t *testing.T) {
	output := example(t, "loadtest", "-samples", "600", "-batches", "5")
	lines := strings.Split(strings.TrimSpace(output), "\n")
	var report map[string]map[string]float64
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &report); err != nil {
		t.Fatal(output)
	}
	for _, window := range []string{"window_1", "window_32"} {
		figures := report[window]
		if figures["samples"] != 600 || figures["per_second"] <= 0 || figures["p50_ms"] <= 0 ||
			figures["p50_ms"] > figures["p99_ms"] {
			t.Fatalf("%s: %v", window, figures)
		}
	}
	if report["batches"]["rows_per_second"] <= 0 {
		t.Fatal(output)
	}
}
