// Package anomaly is the Go client of the Anomaly Gateway: it streams samples over WebSocket and returns each
// one's verdict, scored exactly once even when the connection or the gateway drops in the middle.
//
// A Client is one connection to one session. Every call that waits takes a context. While disconnected, requests
// wait in a bounded queue; after a reconnect (exponential back-off with jitter) the requests that were in flight
// are sent again with the same request_id, which the gateway answers with their first result, then the queued
// ones, and subscriptions come back from the last event seen. Errors carry the protocol's code:
//
//	if errors.Is(err, anomaly.ErrDimensionMismatch) { ... }
//	var server *anomaly.ServerError
//	if errors.As(err, &server) { log.Print(server.Code, server.Message) }
//
// A Client is safe for concurrent use by many goroutines.
package anomaly
