package anomaly

import (
	"errors"
	"fmt"
)

// Sentinel errors of the client itself.
var (
	// ErrClosed: the client was closed, or gave up reconnecting, before the request had an answer.
	ErrClosed = errors.New("anomaly: client closed")
	// ErrTimeout: the request had no outcome within its timeout (queueing, back-offs and re-sends included).
	ErrTimeout = errors.New("anomaly: request timed out")
	// ErrQueueFull: the send queue held its maximum and the overflow policy chose this request.
	ErrQueueFull = errors.New("anomaly: send queue full")
	// ErrUnauthorized: the gateway refused the static token, or the token supplier returned it (wrapped or not) to
	// say there will be no more tokens. The client stops.
	ErrUnauthorized = errors.New("anomaly: unauthorized")
	// ErrRefused: the gateway refused the WebSocket upgrade for good (see RefusedError for the status).
	ErrRefused = errors.New("anomaly: connection refused")
)

// Code is one of the protocol's error codes (error.code on the wire).
type Code string

// The protocol's error codes; sdk/asyncapi.yaml lists the same set.
const (
	CodeInvalidJSON         Code = "INVALID_JSON"
	CodeInvalidMessage      Code = "INVALID_MESSAGE"
	CodeMissingType         Code = "MISSING_TYPE"
	CodeUnknownType         Code = "UNKNOWN_TYPE"
	CodeUnsupportedType     Code = "UNSUPPORTED_TYPE"
	CodeInvalidField        Code = "INVALID_FIELD"
	CodeInvalidData         Code = "INVALID_DATA"
	CodeDimensionMismatch   Code = "DIMENSION_MISMATCH"
	CodeEmptyBatch          Code = "EMPTY_BATCH"
	CodeRaggedBatch         Code = "RAGGED_BATCH"
	CodeBatchTooLarge       Code = "BATCH_TOO_LARGE"
	CodeTooManyDimensions   Code = "TOO_MANY_DIMENSIONS"
	CodeUnknownAlgorithm    Code = "UNKNOWN_ALGORITHM"
	CodeInvalidConfig       Code = "INVALID_CONFIG"
	CodeBinaryNotSupported  Code = "BINARY_NOT_SUPPORTED"
	CodeMessageTooLarge     Code = "MESSAGE_TOO_LARGE"
	CodeTooManySessions     Code = "TOO_MANY_SESSIONS"
	CodeCapacityExceeded    Code = "CAPACITY_EXCEEDED"
	CodeForbidden           Code = "FORBIDDEN"
	CodeRateLimited         Code = "RATE_LIMITED"
	CodeDriftUnavailable    Code = "DRIFT_UNAVAILABLE"
	CodeDetectorUnavailable Code = "DETECTOR_UNAVAILABLE"
	CodeShuttingDown        Code = "SHUTTING_DOWN"
	CodeTimeout             Code = "TIMEOUT"
	CodeInternalError       Code = "INTERNAL_ERROR"
)

// Codes lists every protocol error code.
var Codes = []Code{CodeInvalidJSON, CodeInvalidMessage, CodeMissingType, CodeUnknownType, CodeUnsupportedType,
	CodeInvalidField, CodeInvalidData, CodeDimensionMismatch, CodeEmptyBatch, CodeRaggedBatch, CodeBatchTooLarge,
	CodeTooManyDimensions, CodeUnknownAlgorithm, CodeInvalidConfig, CodeBinaryNotSupported, CodeMessageTooLarge,
	CodeTooManySessions, CodeCapacityExceeded, CodeForbidden, CodeRateLimited, CodeDriftUnavailable,
	CodeDetectorUnavailable, CodeShuttingDown, CodeTimeout, CodeInternalError}

// Errors that match a ServerError of their code with errors.Is, e.g. errors.Is(err, ErrRateLimited).
var (
	ErrInvalidJSON         = &ServerError{Code: CodeInvalidJSON}
	ErrInvalidMessage      = &ServerError{Code: CodeInvalidMessage}
	ErrMissingType         = &ServerError{Code: CodeMissingType}
	ErrUnknownType         = &ServerError{Code: CodeUnknownType}
	ErrUnsupportedType     = &ServerError{Code: CodeUnsupportedType}
	ErrInvalidField        = &ServerError{Code: CodeInvalidField}
	ErrInvalidData         = &ServerError{Code: CodeInvalidData}
	ErrDimensionMismatch   = &ServerError{Code: CodeDimensionMismatch}
	ErrEmptyBatch          = &ServerError{Code: CodeEmptyBatch}
	ErrRaggedBatch         = &ServerError{Code: CodeRaggedBatch}
	ErrBatchTooLarge       = &ServerError{Code: CodeBatchTooLarge}
	ErrTooManyDimensions   = &ServerError{Code: CodeTooManyDimensions}
	ErrUnknownAlgorithm    = &ServerError{Code: CodeUnknownAlgorithm}
	ErrInvalidConfig       = &ServerError{Code: CodeInvalidConfig}
	ErrMessageTooLarge     = &ServerError{Code: CodeMessageTooLarge}
	ErrTooManySessions     = &ServerError{Code: CodeTooManySessions}
	ErrCapacityExceeded    = &ServerError{Code: CodeCapacityExceeded}
	ErrForbidden           = &ServerError{Code: CodeForbidden}
	ErrRateLimited         = &ServerError{Code: CodeRateLimited}
	ErrDriftUnavailable    = &ServerError{Code: CodeDriftUnavailable}
	ErrDetectorUnavailable = &ServerError{Code: CodeDetectorUnavailable}
	ErrShuttingDown        = &ServerError{Code: CodeShuttingDown}
	ErrServerTimeout       = &ServerError{Code: CodeTimeout}
	ErrInternal            = &ServerError{Code: CodeInternalError}
)

// ServerError is the gateway's answer to a request that failed: the protocol's Code, the Message for a person,
// the RequestID, and RetryAfterMillis when waiting helps (0 otherwise).
type ServerError struct {
	Code             Code
	Message          string
	RequestID        string
	RetryAfterMillis int64
}

// Error names the code and the server's message.
func (e *ServerError) Error() string {
	return fmt.Sprintf("anomaly: %s: %s", e.Code, e.Message)
}

// Is matches another ServerError of the same code, so that the Err* code sentinels work with errors.Is.
func (e *ServerError) Is(target error) bool {
	other, ok := target.(*ServerError)
	return ok && other.Code == e.Code
}

// Temporary reports whether the request was not processed and may succeed if sent again later.
func (e *ServerError) Temporary() bool {
	switch e.Code {
	case CodeRateLimited, CodeShuttingDown, CodeCapacityExceeded, CodeDetectorUnavailable, CodeDriftUnavailable,
		CodeTimeout, CodeTooManySessions:
		return true
	}
	return false
}

// RefusedError is a refused WebSocket upgrade: 400 for a malformed session id, 403 for a forbidden session.
// It matches ErrRefused with errors.Is.
type RefusedError struct {
	Status int
}

// Error names the HTTP status.
func (e *RefusedError) Error() string {
	return fmt.Sprintf("anomaly: the gateway refused the connection with HTTP %d", e.Status)
}

// Unwrap makes errors.Is(err, ErrRefused) hold.
func (e *RefusedError) Unwrap() error { return ErrRefused }
