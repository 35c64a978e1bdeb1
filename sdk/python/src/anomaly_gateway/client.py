"""The asyncio client: one connection to one session of the gateway, which never loses a request and never has a
sample scored twice."""

from __future__ import annotations

import asyncio
import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Callable, Iterable, Sequence

from ._connection import Connection, TokenSource, endpoint_url
from .models import (BatchResult, ClientStatistics, DetectionResult, DriftResult, Position, SessionStats)
from .subscription import EventCallback, RecoveryCallback, Subscription

#: Called once with the outcome of a request: the result, or ``None`` and the exception.
ResultCallback = Callable[[Any, "BaseException | None"], Any]


class StreamingClient:
    """A producer's or viewer's connection to one session of the gateway.

    Requests return futures that settle exactly once: with a result, or with a :class:`ServerError` (the
    protocol's code), :class:`RequestTimeout`, :class:`QueueFull` or :class:`ConnectionLost`. While
    disconnected, requests wait in a bounded queue; after a reconnect (exponential back-off with jitter) the
    requests that were in flight go out again with the same ``request_id`` (the gateway answers a repeat with
    its first result), then the queued ones, and subscriptions are restored from the last event seen. Calls made
    while connecting wait, up to their timeout. Not thread-safe: use it from one event loop (see
    :func:`anomaly_gateway.score` for code without one). Make one with :func:`create_streaming_client`.
    """

    def __init__(self, url: str, session_id: str | None = None, *, token: TokenSource = None,
                 client_id: str | None = None, reconnect: bool = True, max_reconnect_attempts: int | None = None,
                 initial_backoff: float = 0.1, max_backoff: float = 10.0, jitter: float = 0.5,
                 request_timeout: float = 30.0, connect_timeout: float = 10.0, ping_interval: float | None = 15.0,
                 ping_timeout: float | None = 10.0, max_queue_size: int = 10_000, overflow_policy: str = "reject",
                 max_in_flight: int = 128, max_message_size: int = 64 * 1024 * 1024,
                 processing_mode: str | None = None, batch_size: int | None = None,
                 batch_timeout: float | None = None,
                 message_observer: Callable[[dict[str, Any]], None] | None = None) -> None:
        self.client_id = client_id or str(uuid.uuid4())
        self.url = endpoint_url(url, session_id, self.client_id)
        options = dict(reconnect=reconnect, max_reconnect_attempts=max_reconnect_attempts,
                       initial_backoff=initial_backoff, max_backoff=max_backoff, jitter=jitter,
                       request_timeout=request_timeout, connect_timeout=connect_timeout,
                       ping_interval=ping_interval, ping_timeout=ping_timeout, max_queue_size=max_queue_size,
                       overflow_policy=overflow_policy, max_in_flight=max_in_flight,
                       max_message_size=max_message_size, processing_mode=processing_mode, batch_size=batch_size,
                       batch_timeout=batch_timeout, message_observer=message_observer)
        self._connection = Connection(self.url, token, options)
        self._request_timeout = request_timeout

    # -- life ---------------------------------------------------------------------------------------------------

    async def connect(self, *, timeout: float | None = None) -> dict[str, Any]:
        """Connects (retrying per the reconnect policy) and returns the gateway's ``welcome``. Requests may be
        made before: they wait in the queue. Raises :class:`RequestTimeout` when no welcome came within
        ``timeout`` (default ``request_timeout``), or the reason the client gave up."""
        return await self._connection.start(self._request_timeout if timeout is None else timeout)

    async def close(self, *, drain: float | None = None) -> None:
        """Closes the client. With ``drain``, first waits up to that many seconds for pending requests; the rest
        fail with :class:`ConnectionLost`. Closing twice is harmless."""
        await self._connection.close(drain)

    async def __aenter__(self) -> StreamingClient:
        try:
            await self.connect()
        except BaseException:
            await self.close()
            raise
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @asynccontextmanager
    async def streaming_session(self) -> AsyncIterator[StreamingClient]:
        """The seed client's spelling of ``async with client:``: connected inside, closed after."""
        async with self:
            yield self

    @property
    def closed(self) -> bool:
        """Whether the client was closed or gave up reconnecting."""
        return self._connection.closed

    @property
    def connected(self) -> bool:
        """Whether a connection is open and welcomed right now."""
        return self._connection.connected

    @property
    def welcome(self) -> dict[str, Any] | None:
        """The latest ``welcome``: the session, the role, the algorithms and the gateway's limits."""
        return self._connection.welcome

    def statistics(self) -> ClientStatistics:
        """What this client has done so far."""
        return self._connection.ledger().statistics(self._connection.reconnects())

    # -- requests -----------------------------------------------------------------------------------------------

    def send_sample(self, data: Sequence[float] | Any, algorithm: str | None = None,
                    callback: ResultCallback | None = None, *, timestamp: str | None = None,
                    timeout: float | None = None) -> asyncio.Future[DetectionResult]:
        """Scores one sample (a list or a numpy array of numbers) with ``algorithm`` or the session's.

        Returns a future to await; ``callback(result, error)``, when given, is called once with its outcome too,
        so fire-and-forget works. Raises ``ValueError`` at once for NaN or infinite values."""
        message: dict[str, Any] = {"type": "sample", "data": _row(data)}
        if algorithm is not None:
            message["algorithm"] = algorithm
        if timestamp is not None:
            message["timestamp"] = timestamp
        return self._request(message, DetectionResult.from_result, timeout, callback)

    def send_batch(self, rows: Iterable[Sequence[float]] | Any, algorithm: str | None = None,
                   callback: ResultCallback | None = None, *,
                   timeout: float | None = None) -> asyncio.Future[BatchResult]:
        """Scores rows in order, in one request (a list of lists, a 2-D numpy array or a DataFrame)."""
        message: dict[str, Any] = {"type": "batch", "batch_data": rows_of(rows)}
        if algorithm is not None:
            message["algorithm"] = algorithm
        return self._request(message, BatchResult.from_json, timeout, callback)

    def get_stats(self, *, timeout: float | None = None) -> asyncio.Future[SessionStats]:
        """The session's detector state, the node's connections and this connection's figures."""
        return self._request({"type": "stats"}, SessionStats.from_json, timeout)

    def check_drift(self, window_size: int | None = None, method: str | None = None, alpha: float | None = None,
                    reset: bool = False, *, timeout: float | None = None) -> asyncio.Future[DriftResult]:
        """Compares the session's drift reference with its newest ``window_size`` samples (``method``: ``ks``,
        ``psi``, ``adwin`` or ``page_hinkley``; ``alpha``: the corrected significance level). With
        ``reset=True`` the reference is discarded instead and a new one forms from the next samples."""
        message: dict[str, Any] = {"type": "drift"}
        if reset:
            message["reset"] = True
        for key, value in (("window_size", window_size), ("method", method), ("alpha", alpha)):
            if value is not None:
                message[key] = value
        return self._request(message, DriftResult.from_json, timeout)

    def send_config(self, settings: dict[str, Any] | None = None, *,
                    timeout: float | None = None) -> asyncio.Future[dict[str, Any]]:
        """Changes session or connection settings (an invalid update changes nothing) and returns all the
        effective ones; ``send_config()`` only reads them."""
        message: dict[str, Any] = {"type": "config"}
        if settings:
            message["config"] = dict(settings)
        return self._request(message, lambda answer: answer["config"], timeout)

    def ping(self, *, timeout: float | None = None) -> asyncio.Future[float]:
        """A protocol ``ping``; the result is the round trip in milliseconds."""
        loop = asyncio.get_running_loop()
        sent = loop.time()
        return self._request({"type": "ping"}, lambda answer: (loop.time() - sent) * 1000, timeout)

    async def subscribe(self, topic: str, callback: EventCallback | None = None, *, scope: str = "session",
                        since: Position | dict[str, Any] | None = None, on_recovery: RecoveryCallback | None = None,
                        queue_size: int = 1024, timeout: float | None = None) -> Subscription:
        """Follows ``topic`` (``anomalies``, ``alerts``, ``stats``, ``drift``) of this session (``scope="all"``:
        every session, for admins). Events go to ``callback`` or, without one, to ``async for event in
        subscription``. ``since`` (a :class:`Position` or ``{"epoch", "offset"}``) replays what came after it;
        the subscription's ``recovered`` says whether that worked. Returns once the gateway confirmed."""
        position = Position(since["epoch"], int(since["offset"])) if isinstance(since, dict) else since
        subscription = Subscription(self, topic, scope, callback, on_recovery, position, queue_size)
        self._connection.track(subscription)
        try:
            answer = await self._request(subscription.subscribe_message(), lambda reply: reply, timeout)
        except BaseException:
            self._connection.untrack(topic)
            raise
        if position is not None:
            subscription.recovered = bool(answer.get("recovered"))
        return subscription

    async def unsubscribe(self, topic: str, *, timeout: float | None = None) -> bool:
        """Stops following ``topic``; returns whether the gateway had it as a subscription."""
        self._connection.untrack(topic)
        if self.closed:
            return False
        answer = await self._request({"type": "unsubscribe", "config": {"topic": topic}}, lambda reply: reply,
                                     timeout)
        return bool(answer.get("was_subscribed", False))

    def request(self, message: dict[str, Any], *, timeout: float | None = None) -> asyncio.Future[dict[str, Any]]:
        """Sends any protocol message (a ``dict`` with its ``type``) with the same guarantees as the typed calls,
        and returns the gateway's answer as it came. For message types or fields newer than this package."""
        return self._request(dict(message), lambda answer: answer, timeout)

    def _request(self, message: dict[str, Any], reader: Callable[[dict[str, Any]], Any], timeout: float | None,
                 callback: ResultCallback | None = None) -> asyncio.Future[Any]:
        future = self._connection.submit(message, reader, timeout)
        if callback is not None:
            future.add_done_callback(lambda done: callback(None, done.exception()) if done.exception()
                                     else callback(done.result(), None))
        return future


def create_streaming_client(url: str, session_id: str | None = None, **options: Any) -> StreamingClient:
    """Makes a client (not yet connected: use ``async with``, ``streaming_session()`` or ``await connect()``).

    ``url`` is the gateway's base URL (``ws://host:8000``) with a ``session_id``, or the full endpoint URL with
    the session, ``ws://host:8000/api/v1/streaming/enhanced/my_session``. The options are
    :class:`StreamingClient`'s keyword arguments: ``token`` (a string, or a function returning one, asked at
    each connection and before expiry), ``client_id``, the reconnect, queue and timeout settings."""
    return StreamingClient(url, session_id, **options)


def _row(data: Any) -> list[float]:
    if hasattr(data, "tolist"):
        data = data.tolist()
    return [float(value) for value in data]


def rows_of(rows: Any) -> list[list[float]]:
    """Rows as lists of floats, from a list of lists, a 2-D numpy array or a pandas DataFrame."""
    if hasattr(rows, "to_numpy"):
        rows = rows.to_numpy(dtype=float)
    if hasattr(rows, "tolist"):
        rows = rows.tolist()
    return [_row(row) for row in rows]


__all__ = ["StreamingClient", "create_streaming_client", "rows_of"]
