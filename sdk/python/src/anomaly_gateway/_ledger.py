"""Every request that has no outcome yet, and the client's counters."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import QueueFull
from .models import ClientStatistics

_LATENCY_SAMPLES = 65_536


@dataclass(eq=False)
class PendingRequest:
    """A request and its future. Its ``request_id`` and text stay the same through every re-send, which is what
    lets the gateway answer a repeat with its first result instead of scoring it twice."""

    request_id: str
    text: str
    reader: Callable[[dict[str, Any]], Any]
    future: asyncio.Future[Any]
    started: float = field(default_factory=time.monotonic)
    timer: asyncio.TimerHandle | None = None


class Ledger:
    """Requests waiting for a connection (bounded, with the overflow policy: ``reject`` fails the new one,
    ``drop_oldest`` the oldest) and requests sent and unanswered, in the order they were sent, to send again in
    that order after a reconnect. Each request completes exactly once: whoever removes it from here settles it."""

    def __init__(self, max_queued: int, max_in_flight: int, policy: str) -> None:
        if policy not in ("reject", "drop_oldest"):
            raise ValueError(f"overflow_policy must be 'reject' or 'drop_oldest', got {policy!r}")
        if max_queued < 1 or max_in_flight < 1:
            raise ValueError(f"max_queue_size and max_in_flight must be at least 1, got {max_queued}, "
                             f"{max_in_flight}")
        self._max_queued = max_queued
        self._max_in_flight = max_in_flight
        self._policy = policy
        self._queued: deque[PendingRequest] = deque()
        self._refused: deque[PendingRequest] = deque()
        self._in_flight: OrderedDict[str, PendingRequest] = OrderedDict()
        self._latencies: deque[float] = deque(maxlen=_LATENCY_SAMPLES)
        self._latency_max = 0.0
        self.sent = self.answered = self.errors = self.dropped = 0

    def queue(self, request: PendingRequest) -> None:
        """Queues a request until it may be sent; over the bound, the policy's loser fails with :class:`QueueFull`."""
        if len(self._queued) >= self._max_queued:
            loser = request if self._policy == "reject" else self._queued.popleft()
            self.dropped += 1
            self._settle(loser, error=QueueFull(f"The send queue holds {self._max_queued} requests "
                                                f"(overflow policy {self._policy})"))
            if loser is request:
                return
        self._queued.append(request)

    def refused(self, request: PendingRequest) -> None:
        """Takes back a request the gateway refused for now (over its rate limit, or draining): it goes out
        again before the queued ones, in the order refused."""
        self._refused.append(request)

    def can_send(self) -> bool:
        return not self._queued and not self._refused and len(self._in_flight) < self._max_in_flight

    def next_queued(self) -> PendingRequest | None:
        """The next request to send (refused ones first), now in flight, or ``None`` (none, or the window is
        full)."""
        if len(self._in_flight) >= self._max_in_flight:
            return None
        waiting = self._refused or self._queued
        if not waiting:
            return None
        request = waiting.popleft()
        self.sending(request)
        return request

    def sending(self, request: PendingRequest) -> None:
        self._in_flight[request.request_id] = request
        self.sent += 1

    def resend(self) -> list[PendingRequest]:
        """The requests in flight, in the order first sent, to send again on a new connection."""
        self.sent += len(self._in_flight)
        return list(self._in_flight.values())

    def answered_request(self, request_id: str | None) -> PendingRequest | None:
        """The request this answer is for, no longer pending, or ``None`` (already settled: a late answer)."""
        request = self._in_flight.pop(request_id, None) if request_id is not None else None
        if request is not None:
            self.answered += 1
            latency = time.monotonic() - request.started
            self._latencies.append(latency)
            self._latency_max = max(self._latency_max, latency)
        return request

    def fail(self, request: PendingRequest, error: BaseException) -> None:
        """Fails a request wherever it waits (a timeout), and forgets it."""
        if self._in_flight.pop(request.request_id, None) is None:
            for waiting in (self._queued, self._refused):
                try:
                    waiting.remove(request)
                except ValueError:
                    pass
        self._settle(request, error=error)

    def complete(self, request: PendingRequest, value: Any = None, error: BaseException | None = None) -> None:
        """Settles a request that :meth:`answered_request` removed."""
        self._settle(request, value, error)

    def drain(self) -> list[PendingRequest]:
        """Every pending request, forgotten: the client gives up on them."""
        pending = list(self._in_flight.values()) + list(self._refused) + list(self._queued)
        self._in_flight.clear()
        self._refused.clear()
        self._queued.clear()
        return pending

    def is_empty(self) -> bool:
        return not self._in_flight and not self._queued and not self._refused

    def _settle(self, request: PendingRequest, value: Any = None, error: BaseException | None = None) -> None:
        if request.timer is not None:
            request.timer.cancel()
        if request.future.done():
            return
        if error is not None:
            self.errors += 1
            request.future.set_exception(error)
        else:
            request.future.set_result(value)

    def statistics(self, reconnects: int) -> ClientStatistics:
        ordered = sorted(self._latencies)

        def percentile(p: float) -> float:
            if not ordered:
                return 0.0
            return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

        return ClientStatistics(self.sent, self.answered, self.errors, reconnects, self.dropped,
                                len(self._queued) + len(self._refused), len(self._in_flight), percentile(0.5), percentile(0.99),
                                self._latency_max * 1000)
