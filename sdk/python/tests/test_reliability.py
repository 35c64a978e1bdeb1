"""Exactly-once through cut connections and a gateway restart, topic recovery, token refresh and rate limits,
against the real gateway."""

from __future__ import annotations

import asyncio
import time
from typing import Any, AsyncIterator, Callable

import numpy as np
import pytest

from anomaly_gateway import StreamingClient, TopicEvent, create_streaming_client
from anomaly_gateway._token import expires_at
from gateway import Gateway
from proxy import CuttableProxy
from test_client_api import OUTLIER, fitted

WAIT = 60.0


async def until(condition: Callable[[], bool], timeout: float = WAIT) -> None:
    """Waits for a condition the test cannot be told about directly, checking it as the loop turns."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        await asyncio.sleep(0.01)


@pytest.fixture
async def proxy(gateway: Gateway) -> AsyncIterator[CuttableProxy]:
    cuttable = await CuttableProxy(gateway.port).start()
    yield cuttable
    await cuttable.close()


async def stream_with_faults(client: StreamingClient, count: int, fault_every: int,
                             fault: Callable[[], Any]) -> list[Any]:
    """Sends ``count`` samples at once and injects a fault each time another ``fault_every`` are answered."""
    answered = 0
    faults: list[asyncio.Future[Any]] = []

    def on_answer(_: asyncio.Future[Any]) -> None:
        nonlocal answered
        answered += 1
        if answered % fault_every == 0 and answered < count:
            faults.append(asyncio.ensure_future(fault()))

    rng = np.random.default_rng(3)
    futures = [client.send_sample(rng.normal(size=4)) for _ in range(count)]
    for future in futures:
        future.add_done_callback(on_answer)
    results = await asyncio.gather(*futures)
    await asyncio.gather(*faults)
    return results


async def test_ten_thousand_samples_through_three_cuts_are_each_scored_once(
        gateway: Gateway, proxy: CuttableProxy, session_id: str, producer: str) -> None:
    async def cut() -> None:
        proxy.cut()

    async with create_streaming_client(proxy.url, session_id, token=producer, initial_backoff=0.05) as client:
        results = await stream_with_faults(client, 10_000, 2_500, cut)
        assert len({result.sample_id for result in results}) == 10_000
        assert proxy.cuts == 3 and client.statistics().reconnects == 3
        assert client.statistics().errors == 0
        assert (await client.get_stats()).total_samples == 10_000


async def test_a_gateway_restart_mid_stream_loses_and_repeats_nothing(session_id: str) -> None:
    server = Gateway()
    proxy = await CuttableProxy(server.port).start()
    recoveries: list[bool] = []

    async def restart() -> None:
        proxy.hold()
        await asyncio.to_thread(server.restart)
        proxy.target_port = server.port
        proxy.release()

    try:
        token = server.token("producer")
        async with create_streaming_client(proxy.url, session_id, token=token, initial_backoff=0.05) as client:
            await client.subscribe("anomalies", lambda event: None, on_recovery=recoveries.append)
            results = await stream_with_faults(client, 3_000, 1_500, restart)
            assert len({result.sample_id for result in results}) == 3_000
            assert (await client.get_stats()).total_samples == 3_000
            assert client.statistics().errors == 0 and client.statistics().reconnects >= 1
            await until(lambda: bool(recoveries))
            assert recoveries == [False]  # another epoch: events of the restart may be lost, and the app is told
    finally:
        await proxy.close()
        server.close()


async def test_a_subscription_recovers_the_events_missed_while_disconnected(
        gateway: Gateway, proxy: CuttableProxy, session_id: str, producer: str) -> None:
    events: list[TopicEvent] = []
    recoveries: list[bool] = []
    async with create_streaming_client(gateway.url, session_id, token=producer) as source, \
            create_streaming_client(proxy.url, session_id, token=gateway.token("viewer"),
                                    initial_backoff=0.05) as watcher:
        await watcher.subscribe("anomalies", events.append, on_recovery=recoveries.append)
        await fitted(source)
        await source.send_sample(OUTLIER)
        await until(lambda: any(e.body["data"] == OUTLIER for e in events))
        proxy.hold()
        await until(lambda: not watcher.connected)
        missed = [[41.0, 41.0, 41.0], [42.0, 42.0, 42.0]]
        for row in missed:
            assert (await source.send_sample(row)).is_anomaly
        proxy.release()
        await until(lambda: bool(recoveries))
        assert recoveries == [True]
        await until(lambda: sum(e.body["data"] in missed for e in events) == 2)
        assert [e.body["data"] for e in events if e.body["data"] in missed] == missed
        offsets = [e.position.offset for e in events]
        assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)


async def test_the_token_is_refreshed_before_it_expires(gateway: Gateway, session_id: str) -> None:
    later = gateway.token("producer")
    short = gateway.token("producer", ttl="10s")  # minted last: its lifetime starts just before the client connects
    handed: list[str] = []
    answers: list[dict[str, Any]] = []

    def supplier() -> str:
        handed.append(short if not handed else later)
        return handed[-1]

    async with create_streaming_client(gateway.url, session_id, token=supplier,
                                       message_observer=answers.append) as client:
        await until(lambda: any(a.get("type") == "refreshed" for a in answers), 30)
        assert handed == [short, later]
        expiry = expires_at(short) or 0
        await until(lambda: time.time() > expiry + 1, 30)
        assert (await client.send_sample([1.0, 2.0])).sample_id
        assert client.statistics().reconnects == 0


async def test_rate_limited_requests_are_waited_out(gateway: Gateway, session_id: str) -> None:
    answers: list[dict[str, Any]] = []
    async with create_streaming_client(gateway.url, session_id, token=gateway.token("viewer"),
                                       message_observer=answers.append) as client:
        round_trips = await asyncio.gather(*(client.ping() for _ in range(150)))
        assert len(round_trips) == 150
        refusals = [a for a in answers if a.get("type") == "error"]
        assert refusals and all(a["error"]["code"] == "RATE_LIMITED" for a in refusals)
        assert all(a["error"]["retry_after_ms"] >= 0 for a in refusals)
        assert client.statistics().errors == 0 and client.statistics().reconnects == 0
