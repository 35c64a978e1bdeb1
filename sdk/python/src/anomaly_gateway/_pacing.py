"""How fast a connection may send once the gateway has said it sends too fast."""

from __future__ import annotations

#: How long pacing lasts after the last refusal: long enough to settle at the server's rate, short enough
#: that a brief burst does not slow the client for good.
_CALM = 1.0


class Pacer:
    """After a ``RATE_LIMITED`` answer the connection sends at most one request per ``retry_after`` (the time the
    gateway's token bucket needs for one more request) until a second passes without a refusal. Without it, the
    refused requests would all go out again together and be refused again, and a gateway closes a connection that
    keeps sending at more than twice its rate."""

    def __init__(self) -> None:
        self._interval = 0.0
        self._until = 0.0
        self._next = 0.0

    def refused(self, now: float, retry_after: float) -> None:
        self._interval = max(0.001, retry_after)
        self._until = now + retry_after + _CALM
        self._next = max(self._next, now + retry_after)

    def delay(self, now: float) -> float:
        """Seconds to wait before the next request may go; 0 when it may go now."""
        return max(0.0, self._next - now)

    def sent(self, now: float) -> None:
        if now < self._until:
            self._next = now + self._interval
