"""A followed topic: an async iterator of its events, or a callback, fed through a bounded queue so that the
socket's reader never waits on user code."""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Union

from .models import Position, TopicEvent

if TYPE_CHECKING:
    from .client import StreamingClient

_log = logging.getLogger(__name__)
_END = object()

#: A topic event's handler: a function or a coroutine function.
EventCallback = Callable[[TopicEvent], Union[None, Awaitable[None]]]
#: Told whether a subscription came back without losing events after a reconnect.
RecoveryCallback = Callable[[bool], Union[None, Awaitable[None]]]


class Subscription:
    """A topic this client follows, restored after every reconnect from the last event seen.

    Use it as ``async for event in subscription`` (when it was made without a callback) or let its callback
    run; either way events arrive in order. ``recovered`` tells how the last re-subscription went: ``True``
    when every missed event was replayed, ``False`` when some may be lost (reload what you build from the
    topic), ``None`` before any re-subscription. When more than ``queue_size`` events wait unread, the oldest
    are dropped and counted in ``dropped``. ``async with subscription:`` unsubscribes at the end.
    """

    def __init__(self, client: StreamingClient, topic: str, scope: str, callback: EventCallback | None,
                 on_recovery: RecoveryCallback | None, since: Position | None, queue_size: int) -> None:
        self.topic = topic
        self.scope = scope
        self.position = since
        self.recovered: bool | None = None
        self.dropped = 0
        self._client = client
        self._callback = callback
        self._on_recovery = on_recovery
        self._queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=queue_size)
        self._ended = False
        self._dispatcher: asyncio.Task[None] | None = None
        if callback is not None:
            self._dispatcher = asyncio.get_running_loop().create_task(self._dispatch(callback))

    def subscribe_message(self) -> dict[str, Any]:
        config: dict[str, Any] = {"topic": self.topic, "scope": self.scope}
        if self.position is not None:
            config["since"] = self.position.to_json()
        return {"type": "subscribe", "config": config}

    def deliver(self, event: TopicEvent) -> None:
        """Hands an event over without waiting; the position moves on only for the session's own history."""
        if event.position is not None and self.scope == "session":
            self.position = event.position
        self._offer(event)

    def resubscribed(self, recovered: bool) -> None:
        self.recovered = recovered
        if self._on_recovery is not None:
            result = _call_safely(self._on_recovery, recovered)
            if inspect.isawaitable(result):
                asyncio.ensure_future(result)

    def end(self) -> None:
        """No more events: the iterator stops once the queued ones are read."""
        if not self._ended:
            self._ended = True
            self._offer(_END)

    async def unsubscribe(self) -> bool:
        """Stops following the topic. Returns whether the gateway had it as a subscription."""
        return await self._client.unsubscribe(self.topic)

    def _offer(self, item: Any) -> None:
        if self._queue.full():
            self._queue.get_nowait()
            self.dropped += 1
        self._queue.put_nowait(item)

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> TopicEvent:
        item = await self._queue.get()
        if item is _END:
            self._queue.put_nowait(_END)  # every later read ends too
            raise StopAsyncIteration
        return item

    async def __aenter__(self) -> Subscription:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if not self._ended and not self._client.closed:
            await self.unsubscribe()
        self.end()

    async def _dispatch(self, callback: EventCallback) -> None:
        async for event in self:
            result = _call_safely(callback, event)
            if inspect.isawaitable(result):
                try:
                    await result
                except Exception:  # noqa: BLE001 - a handler's failure must not end the subscription
                    _log.exception("A %s event handler failed", self.topic)


def _call_safely(function: Callable[..., Any], *args: Any) -> Any:
    try:
        result = function(*args)
    except Exception:  # noqa: BLE001 - user code; logged, and the client carries on
        _log.exception("A subscription handler failed")
        return None
    return result
