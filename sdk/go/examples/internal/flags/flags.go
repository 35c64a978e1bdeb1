// Package flags holds what every example takes: where the gateway is, which session and which token.
package flags

import (
	"flag"
	"os"
)

// Common are the flags every example takes.
type Common struct {
	URL     string
	Session string
	Token   string
}

// Parse reads -url, -session and -token (default $ANOMALY_TOKEN) beside the example's own flags.
func Parse() Common {
	var c Common
	flag.StringVar(&c.URL, "url", "ws://localhost:8000", "the gateway")
	flag.StringVar(&c.Session, "session", "go-demo", "the session to stream to")
	flag.StringVar(&c.Token, "token", os.Getenv("ANOMALY_TOKEN"), "a producer token (default $ANOMALY_TOKEN)")
	flag.Parse()
	return c
}
