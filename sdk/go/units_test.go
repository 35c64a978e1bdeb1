package anomaly

import (
	"encoding/base64"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestBackoffGrowsExponentiallyWithinItsJitterUpToTheMaximum(t *testing.T) {
	policy := Reconnect{Initial: 100 * time.Millisecond, Max: 10 * time.Second, Jitter: 0.5}
	random := rand.New(rand.NewSource(1))
	for attempt, ceiling := range map[int]time.Duration{0: 100 * time.Millisecond, 1: 200 * time.Millisecond,
		3: 800 * time.Millisecond, 20: 10 * time.Second} {
		low, high := ceiling, time.Duration(0)
		for i := 0; i < 200; i++ {
			wait := policy.delay(attempt, random)
			if wait < ceiling/2 || wait > ceiling {
				t.Fatalf("attempt %d: %v outside [%v, %v]", attempt, wait, ceiling/2, ceiling)
			}
			if wait < low {
				low = wait
			}
			if wait > high {
				high = wait
			}
		}
		if high-low < ceiling*3/10 {
			t.Fatalf("attempt %d: delays not spread (%v to %v)", attempt, low, high)
		}
	}
}

func tokenExpiringAt(exp int64) string {
	claims := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"sub":"t","exp":%d}`, exp)))
	return "eyJhbGciOiJIUzI1NiJ9." + claims + ".signature"
}

func TestATokenIsRefreshedAThirdOfItsLifeBeforeExpiryAtMostThirtySeconds(t *testing.T) {
	now := time.Unix(1_000, 0)
	if wait, ok := refreshDelay(tokenExpiringAt(1_060), now); !ok || wait != 40*time.Second {
		t.Fatal(wait, ok)
	}
	if wait, ok := refreshDelay(tokenExpiringAt(4_600), now); !ok || wait != 3_570*time.Second {
		t.Fatal(wait, ok)
	}
	if _, ok := refreshDelay("not-a-token", now); ok {
		t.Fatal("a token without exp has a refresh time")
	}
	if !expiring(tokenExpiringAt(1_010), now) || expiring(tokenExpiringAt(1_100), now) {
		t.Fatal("expiring")
	}
}

func TestAfterARefusalRequestsGoOnePerRetryDelayUntilACalmSecond(t *testing.T) {
	var p pacer
	start := time.Unix(10, 0)
	if p.delay(start) != 0 {
		t.Fatal("paced before any refusal")
	}
	p.refused(start, 20*time.Millisecond)
	if p.delay(start) != 20*time.Millisecond {
		t.Fatal(p.delay(start))
	}
	p.sent(start.Add(20 * time.Millisecond))
	if p.delay(start.Add(20*time.Millisecond)) != 20*time.Millisecond {
		t.Fatal("not paced after the refusal")
	}
	p.sent(start.Add(1500 * time.Millisecond))
	if p.delay(start.Add(1500*time.Millisecond)) != 0 {
		t.Fatal("still paced after a calm second")
	}
}

func TestTheEndpointComesFromABaseURLAndASessionOrFromTheFullURL(t *testing.T) {
	if u, err := endpointURL("ws://h:8000", "s1", "c"); err != nil || u != "ws://h:8000/api/v1/streaming/enhanced/s1?client_id=c" {
		t.Fatal(u, err)
	}
	if u, err := endpointURL("wss://h/api/v1/streaming/enhanced/s2?token=t", "", "c"); err != nil ||
		u != "wss://h/api/v1/streaming/enhanced/s2?client_id=c&token=t" {
		t.Fatal(u, err)
	}
	for _, bad := range []string{"ws://h:8000", "ws://h:8000/api/v1/streaming/enhanced/"} {
		if _, err := endpointURL(bad, "", "c"); err == nil {
			t.Fatalf("%s names no session", bad)
		}
	}
}

func TestTheClientKnowsEveryErrorCodeOfTheContract(t *testing.T) {
	contract, err := os.ReadFile("../asyncapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?m)^    ErrorCode:\n(?:      .*\n)*?      enum:\n((?:        - [A-Z_]+\n)+)`).
		FindSubmatch(contract)
	if block == nil {
		t.Fatal("no ErrorCode enum in the contract")
	}
	var inContract, inClient []string
	for _, line := range strings.Split(strings.TrimSpace(string(block[1])), "\n") {
		inContract = append(inContract, strings.TrimPrefix(strings.TrimSpace(line), "- "))
	}
	for _, code := range Codes {
		inClient = append(inClient, string(code))
	}
	sort.Strings(inContract)
	sort.Strings(inClient)
	if strings.Join(inContract, ",") != strings.Join(inClient, ",") {
		t.Fatalf("contract %v, client %v", inContract, inClient)
	}
}
