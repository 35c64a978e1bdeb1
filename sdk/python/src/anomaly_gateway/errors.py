"""The exceptions the client raises: one base class, and subclasses that also inherit the matching builtins, so
that ``except TimeoutError`` or ``except ConnectionError`` work as users expect."""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    """The protocol's error codes (``error.code`` on the wire). ``sdk/asyncapi.yaml`` lists the same set, and a
    test keeps the two equal."""

    INVALID_JSON = "INVALID_JSON"
    INVALID_MESSAGE = "INVALID_MESSAGE"
    MISSING_TYPE = "MISSING_TYPE"
    UNKNOWN_TYPE = "UNKNOWN_TYPE"
    UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"
    INVALID_FIELD = "INVALID_FIELD"
    INVALID_DATA = "INVALID_DATA"
    DIMENSION_MISMATCH = "DIMENSION_MISMATCH"
    EMPTY_BATCH = "EMPTY_BATCH"
    RAGGED_BATCH = "RAGGED_BATCH"
    BATCH_TOO_LARGE = "BATCH_TOO_LARGE"
    TOO_MANY_DIMENSIONS = "TOO_MANY_DIMENSIONS"
    UNKNOWN_ALGORITHM = "UNKNOWN_ALGORITHM"
    INVALID_CONFIG = "INVALID_CONFIG"
    BINARY_NOT_SUPPORTED = "BINARY_NOT_SUPPORTED"
    MESSAGE_TOO_LARGE = "MESSAGE_TOO_LARGE"
    TOO_MANY_SESSIONS = "TOO_MANY_SESSIONS"
    CAPACITY_EXCEEDED = "CAPACITY_EXCEEDED"
    FORBIDDEN = "FORBIDDEN"
    RATE_LIMITED = "RATE_LIMITED"
    DRIFT_UNAVAILABLE = "DRIFT_UNAVAILABLE"
    DETECTOR_UNAVAILABLE = "DETECTOR_UNAVAILABLE"
    SHUTTING_DOWN = "SHUTTING_DOWN"
    TIMEOUT = "TIMEOUT"
    INTERNAL_ERROR = "INTERNAL_ERROR"


#: Codes whose request was not processed and may succeed if sent again later.
TEMPORARY_CODES = frozenset({ErrorCode.RATE_LIMITED, ErrorCode.SHUTTING_DOWN, ErrorCode.CAPACITY_EXCEEDED,
                             ErrorCode.DETECTOR_UNAVAILABLE, ErrorCode.DRIFT_UNAVAILABLE, ErrorCode.TIMEOUT,
                             ErrorCode.TOO_MANY_SESSIONS})


class AnomalyGatewayError(Exception):
    """The base of every exception this package raises."""


class ServerError(AnomalyGatewayError):
    """The gateway answered a request with an error.

    ``code`` is the protocol's code (an :class:`ErrorCode` when the client knows it, else the raw string),
    ``message`` the server's text, ``request_id`` the request's id, ``retry_after_ms`` the server's hint when
    waiting helps, and ``temporary`` whether sending the same request later may succeed.
    """

    def __init__(self, code: str, message: str, request_id: str | None = None,
                 retry_after_ms: int | None = None) -> None:
        super().__init__(f"{code}: {message}")
        try:
            self.code: ErrorCode | str = ErrorCode(code)
        except ValueError:
            self.code = code
        self.message = message
        self.request_id = request_id
        self.retry_after_ms = retry_after_ms

    @property
    def temporary(self) -> bool:
        """Whether the request was not processed and may succeed if sent again later."""
        return self.code in TEMPORARY_CODES


class RequestTimeout(AnomalyGatewayError, TimeoutError):
    """A request got no outcome within its timeout (queueing, back-offs and re-sends included)."""


class ConnectionLost(AnomalyGatewayError, ConnectionError):
    """The client was closed, or gave up reconnecting, before the request had an answer."""


class QueueFull(AnomalyGatewayError):
    """The send queue held ``max_queue_size`` requests: the overflow policy chose this one to fail."""


class Unauthorized(AnomalyGatewayError):
    """Raised by a token supplier to say there will be no more tokens: the client then stops. The client raises
    it too when the gateway refuses its token and no supplier can give another."""


class ConnectionRefused(AnomalyGatewayError, ConnectionError):
    """The gateway refused the WebSocket upgrade for good (HTTP ``status``: a bad session id, a forbidden
    session, an invalid static token)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"The gateway refused the connection with HTTP {status}: {reason}")
        self.status = status
