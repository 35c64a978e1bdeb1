"""The client's connection: dialling with back-off, the reader and the writer, re-sends after a reconnect, token
refresh, and the answers matched to their requests. :class:`~anomaly_gateway.client.StreamingClient` builds the
requests on top of it."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import time
from typing import Any, Awaitable, Callable, Union
from urllib.parse import urlencode, urlsplit, urlunsplit

from . import _transport
from ._backoff import Backoff
from ._ledger import Ledger, PendingRequest
from ._pacing import Pacer
from ._token import expiring, refresh_delay
from .errors import (ConnectionLost, ConnectionRefused, ErrorCode, RequestTimeout, ServerError, Unauthorized)
from .models import TopicEvent
from .subscription import Subscription

_log = logging.getLogger("anomaly_gateway")

#: The endpoint's path before the session id (the protocol's, as in ``sdk/asyncapi.yaml``).
ENDPOINT_PATH = "/api/v1/streaming/enhanced/"
_EVENT_TYPES = frozenset({"anomaly", "alert", "stats", "drift"})
#: Refused for now and never processed: sent again after the server's delay instead of failing the caller.
_REFUSED_FOR_NOW = frozenset({ErrorCode.RATE_LIMITED.value, ErrorCode.SHUTTING_DOWN.value})
#: Upgrade refusals that no retry can mend.
_TERMINAL_STATUSES = frozenset({400, 403, 404})

#: A bearer token, or a function (plain or async) returning the current one.
TokenSource = Union[str, Callable[[], Union[str, Awaitable[str]]], None]


def endpoint_url(url: str, session_id: str | None, client_id: str) -> str:
    """The WebSocket URL of a session: ``url`` is the gateway's base URL (then ``session_id`` is required), or
    the full endpoint URL with the session in its path, as in ``ws://host:8000/api/v1/streaming/enhanced/s1``."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if session_id is None:
        if ENDPOINT_PATH not in path + "/" or not path.rsplit("/", 1)[-1] or path.endswith(ENDPOINT_PATH.rstrip("/")):
            raise ValueError(f"{url!r} names no session: pass session_id, or the endpoint URL "
                             f"ws://HOST:PORT{ENDPOINT_PATH}SESSION")
    else:
        path = path + ENDPOINT_PATH + session_id
    query = parts.query + ("&" if parts.query else "") + urlencode({"client_id": client_id})
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


class Connection:
    """Owns the socket and the ledger; everything runs on the event loop of the task that connected."""

    def __init__(self, url: str, token: TokenSource, options: dict[str, Any]) -> None:
        self._url = url
        self._token_source = token
        self._observer: Callable[[dict[str, Any]], None] | None = options.get("message_observer")
        self._options = options
        self._backoff = Backoff(options["initial_backoff"], options["max_backoff"], options["jitter"])
        self._ledger = Ledger(options["max_queue_size"], options["max_in_flight"], options["overflow_policy"])
        self._subscriptions: dict[str, Subscription] = {}
        self._internal: dict[str, Callable[[dict[str, Any]], None]] = {}
        self._pacer = Pacer()
        self._wake: asyncio.TimerHandle | None = None
        self._outbox: asyncio.Queue[str] | None = None
        self._runner: asyncio.Task[None] | None = None
        self._welcomed: asyncio.Future[dict[str, Any]] | None = None
        self._refresh: asyncio.TimerHandle | None = None
        self._token: str | None = None
        self._max_message_size: int | None = None
        self._connections = 0
        self._next_id = 0
        self._closed = False
        self._welcomed_now = False
        self._pending_outbox: asyncio.Queue[str] | None = None
        self.welcome: dict[str, Any] | None = None

    @property
    def closed(self) -> bool:
        """Whether the client was closed or gave up: every later request fails with :class:`ConnectionLost`."""
        return self._closed

    @property
    def connected(self) -> bool:
        """Whether the gateway has welcomed the current connection."""
        return self._outbox is not None

    async def start(self, timeout: float) -> dict[str, Any]:
        """Starts connecting (once) and waits for the first welcome."""
        if self._closed:
            raise ConnectionLost("The client is closed")
        loop = asyncio.get_running_loop()
        if self._runner is None:
            self._welcomed = loop.create_future()
            self._runner = loop.create_task(self._run())
        assert self._welcomed is not None
        try:
            return await asyncio.wait_for(asyncio.shield(self._welcomed), timeout)
        except asyncio.TimeoutError:
            raise RequestTimeout(f"No welcome from {self._url} within {timeout} s") from None

    def submit(self, message: dict[str, Any], reader: Callable[[dict[str, Any]], Any],
               timeout: float | None) -> asyncio.Future[Any]:
        """Sends a request, or queues it while there is no connection; the future settles exactly once."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        self._next_id += 1
        message["request_id"] = f"r{self._next_id}"
        request = PendingRequest(message["request_id"], json.dumps(message, allow_nan=False), reader, future)
        if self._closed:
            self._ledger.fail(request, ConnectionLost("The client is closed"))
            return future
        if self._runner is None:
            self._welcomed = loop.create_future()
            self._runner = loop.create_task(self._run())
        wait = self._options["request_timeout"] if timeout is None else timeout
        request.timer = loop.call_later(wait, self._expire, request, wait)
        if self._outbox is not None and self._ledger.can_send() and not self._pacer.delay(loop.time()):
            self._transmit(request)
        else:
            self._ledger.queue(request)
        return future

    def track(self, subscription: Subscription) -> None:
        self._subscriptions[subscription.topic] = subscription

    def untrack(self, topic: str) -> None:
        subscription = self._subscriptions.pop(topic, None)
        if subscription is not None:
            subscription.end()

    def reconnects(self) -> int:
        return max(0, self._connections - 1)

    def ledger(self) -> Ledger:
        return self._ledger

    async def close(self, drain: float | None) -> None:
        """Waits up to ``drain`` seconds for pending requests, then fails the rest and closes the socket."""
        if drain and not self._closed:
            deadline = time.monotonic() + drain
            while not self._ledger.is_empty() and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
        self._give_up(ConnectionLost("The client was closed"))
        if self._runner is not None and self._runner is not asyncio.current_task():
            self._runner.cancel()
            try:
                await self._runner
            except (asyncio.CancelledError, Exception):  # noqa: BLE001 - its outcome is settled already
                pass

    # -- the connection's life ---------------------------------------------------------------------------------

    async def _run(self) -> None:
        attempt = 0
        fresh_token = False
        limit = self._options["max_reconnect_attempts"]
        while not self._closed:
            delay: float | None = None
            try:
                token = await self._current_token(fresh_token)
                socket = await _transport.open_socket(
                    self._url, {"Authorization": f"Bearer {token}"} if token else {},
                    max_size=self._options["max_message_size"], ping_interval=self._options["ping_interval"],
                    ping_timeout=self._options["ping_timeout"], open_timeout=self._options["connect_timeout"])
            except Unauthorized as error:
                self._give_up(error)
                return
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - any failure to connect is retried or given up on below
                status = _transport.refused_status(error)
                if status in _TERMINAL_STATUSES or (status == 401 and not callable(self._token_source)):
                    self._give_up(ConnectionRefused(status, str(error)) if status != 401
                                  else Unauthorized(f"The gateway refused the token (HTTP 401): {error}"))
                    return
                fresh_token = status == 401
                delay = _transport.retry_after(error)
                _log.debug("Connecting to %s failed: %s", self._url, error)
            else:
                code = await self._serve(socket)
                if self._connections and self._welcomed_now:
                    attempt = 0
                fresh_token = code == 4401
            if self._closed:
                return
            if not self._options["reconnect"] or (limit is not None and attempt >= limit):
                self._give_up(ConnectionLost(f"The connection to {self._url} was lost and {attempt} reconnect "
                                             f"attempts failed"))
                return
            await asyncio.sleep(max(delay or 0.0, self._backoff.delay(attempt)))
            attempt += 1

    async def _current_token(self, fresh: bool) -> str | None:
        source = self._token_source
        if source is None or isinstance(source, str):
            self._token = source
        elif fresh or self._token is None or expiring(self._token, time.time()):
            value = source()
            self._token = await value if inspect.isawaitable(value) else value
        return self._token

    async def _serve(self, socket: Any) -> int | None:
        """Reads until the connection ends; returns the server's close code."""
        self._welcomed_now = False
        outbox: asyncio.Queue[str] = asyncio.Queue()
        writer = asyncio.get_running_loop().create_task(self._write(socket, outbox))
        self._pending_outbox = outbox
        code: int | None = None
        try:
            async for raw in socket:
                if isinstance(raw, str):
                    try:
                        self._on_message(raw)
                    except Exception:  # noqa: BLE001 - one unreadable message (or observer) must not end the reader
                        _log.exception("A message from the gateway could not be handled")
                if self._closed:
                    break
        except _transport.ConnectionClosed as closed:
            code = _transport.close_code(closed)
        finally:
            self._outbox = None
            self._pending_outbox = None
            writer.cancel()
            if self._refresh is not None:
                self._refresh.cancel()
            code = code or getattr(socket, "close_code", None)
            if self._closed:
                await socket.close()
        return code

    async def _write(self, socket: Any, outbox: asyncio.Queue[str]) -> None:
        """One writer per connection keeps the frames in the order the requests were sent."""
        while True:
            text = await outbox.get()
            try:
                await socket.send(text)
            except _transport.ConnectionClosed:
                return

    def _on_message(self, raw: str) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            _log.warning("The gateway sent a frame that is not JSON")
            return
        if self._observer is not None:
            self._observer(message)
        kind = message.get("type")
        request_id = message.get("request_id")
        own = self._internal.pop(request_id, None) if request_id is not None else None
        if own is not None:
            own(message)
            return
        request = self._ledger.answered_request(request_id)
        if request is not None:
            self._on_answer(request, message)
        elif kind == "welcome":
            self._on_welcome(message)
        elif kind in _EVENT_TYPES and "topic" in message:
            subscription = self._subscriptions.get(message["topic"])
            if subscription is not None:
                subscription.deliver(TopicEvent.from_json(message))

    def _on_answer(self, request: PendingRequest, message: dict[str, Any]) -> None:
        error = message.get("error") if message.get("type") == "error" else None
        if error is not None and error.get("code") in _REFUSED_FOR_NOW:
            self._back_off(request, error.get("retry_after_ms") or 100)
            return
        if error is not None:
            self._ledger.complete(request, error=ServerError(error.get("code", "INTERNAL_ERROR"),
                                                             error.get("message", ""), request.request_id,
                                                             error.get("retry_after_ms")))
        else:
            try:
                self._ledger.complete(request, request.reader(message))
            except (KeyError, TypeError, ValueError) as unreadable:
                self._ledger.complete(request, error=ServerError(
                    "INTERNAL_ERROR", f"The answer could not be read: {unreadable!r}", request.request_id))
        self._send_queued()

    def _on_welcome(self, message: dict[str, Any]) -> None:
        """Restores subscriptions, then sends again what was in flight, then what queued, in that order."""
        self.welcome = message
        self._max_message_size = (message.get("limits") or {}).get("max_message_size")
        self._connections += 1
        self._welcomed_now = True
        self._internal.clear()
        self._outbox = self._pending_outbox
        settings = {k: self._options[k] for k in ("processing_mode", "batch_size", "batch_timeout")
                    if self._options.get(k) is not None}
        if settings:
            self._send_internal({"type": "config", "config": settings}, lambda answer: None)
        if self._connections > 1:
            for subscription in list(self._subscriptions.values()):
                self._send_internal(subscription.subscribe_message(),
                                    lambda answer, s=subscription: s.resubscribed(bool(answer.get("recovered"))))
        for request in self._ledger.resend():
            self._send(request.text)
        self._send_queued()
        self._schedule_refresh()
        if self._welcomed is not None and not self._welcomed.done():
            self._welcomed.set_result(message)

    def _schedule_refresh(self) -> None:
        if self._token is None or not callable(self._token_source):
            return
        delay = refresh_delay(self._token, time.time())
        if delay is not None:
            loop = asyncio.get_running_loop()
            self._refresh = loop.call_later(delay, lambda: loop.create_task(self._refresh_token(0)))

    async def _refresh_token(self, attempt: int) -> None:
        """Refused, the connection ends at the old token's expiry and comes back with a fresh token."""
        try:
            token = await self._current_token(True)
        except Unauthorized as error:
            self._give_up(error)
            return
        except Exception as error:  # noqa: BLE001 - a supplier's failure is retried with back-off
            _log.warning("The token supplier failed: %s", error)
            loop = asyncio.get_running_loop()
            self._refresh = loop.call_later(self._backoff.delay(attempt),
                                            lambda: loop.create_task(self._refresh_token(attempt + 1)))
            return
        if self._outbox is not None:
            self._send_internal({"type": "refresh", "token": token},
                                lambda answer: self._schedule_refresh() if answer.get("type") == "refreshed"
                                else None)

    def _back_off(self, request: PendingRequest, retry_after_ms: int) -> None:
        """Refused for now and unprocessed: the same request goes out again, paced by the server's delay."""
        self._ledger.refused(request)
        self._pacer.refused(asyncio.get_running_loop().time(), max(0.001, retry_after_ms / 1000))
        self._send_queued()

    def _expire(self, request: PendingRequest, wait: float) -> None:
        self._ledger.fail(request, RequestTimeout(f"Request {request.request_id} had no answer within {wait} s"))
        self._send_queued()

    def _transmit(self, request: PendingRequest) -> None:
        self._ledger.sending(request)
        self._pacer.sent(asyncio.get_running_loop().time())
        self._send_checked(request)

    def _send_queued(self) -> None:
        loop = asyncio.get_running_loop()
        while self._outbox is not None:
            wait = self._pacer.delay(loop.time())
            if wait > 0:
                if self._wake is None:
                    self._wake = loop.call_later(wait, self._woken)
                return
            request = self._ledger.next_queued()
            if request is None:
                return
            self._pacer.sent(loop.time())
            self._send_checked(request)

    def _woken(self) -> None:
        self._wake = None
        self._send_queued()

    def _send_checked(self, request: PendingRequest) -> None:
        """A request over the gateway's ``max_message_size`` would close the connection and come back with every
        re-send: it fails here instead, unsent."""
        limit = self._max_message_size
        if limit is not None and len(request.text) > limit // 4 and len(request.text.encode()) > limit:
            self._ledger.fail(request, ServerError(ErrorCode.MESSAGE_TOO_LARGE.value,
                                                   f"The request has {len(request.text.encode())} bytes; the "
                                                   f"gateway accepts at most {limit}: not sent",
                                                   request.request_id))
            return
        self._send(request.text)

    def _send_internal(self, message: dict[str, Any], reader: Callable[[dict[str, Any]], None]) -> None:
        self._next_id += 1
        message["request_id"] = f"i{self._next_id}"
        self._internal[message["request_id"]] = reader
        self._send(json.dumps(message))

    def _send(self, text: str) -> None:
        if self._outbox is not None:
            self._outbox.put_nowait(text)

    def _give_up(self, error: BaseException) -> None:
        if self._closed:
            return
        self._closed = True
        if self._refresh is not None:
            self._refresh.cancel()
        pending = self._ledger.drain()
        for request in pending:
            self._ledger.fail(request, error)
        for subscription in list(self._subscriptions.values()):
            subscription.end()
        if self._welcomed is not None and not self._welcomed.done():
            self._welcomed.set_exception(error)
            self._welcomed.exception()  # retrieved: nobody may be waiting for it
