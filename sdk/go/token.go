package anomaly

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// maxMargin is the most a token is refreshed before it expires.
const maxMargin = 30 * time.Second

// refreshDelay is how long from now until the token should be refreshed: a third of its remaining lifetime before
// expiry, at most 30 s before, so that a slow supplier still has time; ok is false without a readable exp claim.
func refreshDelay(token string, now time.Time) (wait time.Duration, ok bool) {
	expires, ok := expiresAt(token)
	if !ok {
		return 0, false
	}
	lifetime := expires.Sub(now)
	if lifetime < 0 {
		lifetime = 0
	}
	margin := lifetime / 3
	if margin > maxMargin {
		margin = maxMargin
	}
	if wait = lifetime - margin; wait < time.Millisecond {
		wait = time.Millisecond
	}
	return wait, true
}

// expiring reports whether the token expires within the refresh margin, so that a new connection should not use it.
func expiring(token string, now time.Time) bool {
	expires, ok := expiresAt(token)
	return ok && expires.Sub(now) < maxMargin
}

func expiresAt(token string) (time.Time, bool) {
	parts := strings.Split(token, ".")
	if len(parts) < 2 {
		return time.Time{}, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return time.Time{}, false
	}
	var claims struct {
		Exp *float64 `json:"exp"`
	}
	if json.Unmarshal(payload, &claims) != nil || claims.Exp == nil {
		return time.Time{}, false
	}
	return time.Unix(int64(*claims.Exp), 0), true
}
