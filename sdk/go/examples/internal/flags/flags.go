// Package flags holds what every example takes: where the gateway is, which session and which token, and the
// connection made from them.
package flags

import (
	"context"
	"flag"
	"log"
	"os"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
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

// Connect connects to a session with the example's URL and token, or ends the example with the reason.
func (c Common) Connect(ctx context.Context, session string) *anomaly.Client {
	client, err := anomaly.Connect(ctx, c.URL, session, anomaly.WithToken(c.Token))
	if err != nil {
		log.Fatal(err)
	}
	return client
}
