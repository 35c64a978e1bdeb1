"""Every public call of the client, against the real gateway with authentication on."""

from __future__ import annotations

import asyncio
import math

import numpy as np
import pytest

from anomaly_gateway import (BatchResult, DetectionResult, DriftResult, Position, SessionStats, StreamingClient,
                             TopicEvent, create_streaming_client)
from gateway import Gateway

OUTLIER = [40.0, 40.0, 40.0]


def rows(count: int, dims: int = 3, seed: int = 7) -> np.ndarray:
    return np.random.default_rng(seed).normal(0.0, 1.0, size=(count, dims))


async def fitted(client: StreamingClient) -> None:
    """Streams normal rows until the session's model is fitted."""
    await client.send_batch(rows(150))
    for row in rows(300, seed=8):
        if (await client.send_sample(row)).model_fitted:
            return
    raise AssertionError("the model never fitted")


async def test_send_sample_returns_the_verdict_with_the_protocols_names(gateway: Gateway, session_id: str,
                                                                         producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        result = await client.send_sample([0.5, 1.2, -0.3], timestamp="2025-07-23T10:30:01Z")
        assert isinstance(result, DetectionResult)
        assert result.sample_id and result.algorithm == "isolation_forest"
        assert result.is_anomaly is False and result.confidence_score == 0.0
        assert result.metadata["buffer_size"] == 1 and not result.model_fitted


async def test_an_outlier_is_flagged_and_explained(gateway: Gateway, session_id: str, producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        await fitted(client)
        result = await client.send_sample(np.array(OUTLIER))
        assert result.is_anomaly and 0.5 < result.confidence_score <= 1.0
        assert result.threshold is not None and result.confidence_score > result.threshold
        assert result.explanation and math.isclose(sum(f.contribution for f in result.explanation), 1.0,
                                                    abs_tol=0.02)
        assert result.explanation[0].direction == "above"


async def test_send_sample_with_a_callback_reports_once(gateway: Gateway, session_id: str, producer: str) -> None:
    outcomes: list[tuple[object, object]] = []
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        done = client.send_sample([1.0, 2.0], "one_class_svm", lambda result, error: outcomes.append((result, error)))
        await done
        await asyncio.sleep(0)
    assert len(outcomes) == 1 and outcomes[0][1] is None
    assert outcomes[0][0].algorithm == "one_class_svm"


async def test_send_batch_answers_every_row_in_order(gateway: Gateway, session_id: str, producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        batch = await client.send_batch(rows(40), algorithm="random_cut_forest")
        assert isinstance(batch, BatchResult)
        assert batch.count == 40 and len(batch.results) == 40 and batch.algorithm == "random_cut_forest"
        assert [r.metadata["buffer_size"] for r in batch.results] == list(range(1, 41))


async def test_get_stats_counts_the_sessions_samples(gateway: Gateway, session_id: str, producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        await client.send_batch(rows(25))
        stats = await client.get_stats()
        assert isinstance(stats, SessionStats)
        assert stats.total_samples == 25 and stats.connections["active_connections"] >= 1
        assert stats.client["client_id"] == client.client_id


async def test_check_drift_compares_and_resets(gateway: Gateway, session_id: str, producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        early = await client.check_drift(window_size=100)
        assert early.status == "insufficient_data"
        await client.send_batch(rows(500))
        await client.send_batch(rows(200, seed=9) + 4.0)
        drift = await client.check_drift(window_size=200, method="ks", alpha=0.01)
        assert isinstance(drift, DriftResult) and drift.status == "ok"
        assert drift.drift_detected and drift.drifted_features
        reset = await client.check_drift(reset=True)
        assert reset.status == "reset"


async def test_send_config_changes_settings_and_reads_them(gateway: Gateway, session_id: str, producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        changed = await client.send_config({"buffer_size": 400, "contamination": 0.1})
        assert changed["buffer_size"] == 400 and changed["contamination"] == 0.1
        assert (await client.send_config())["buffer_size"] == 400


async def test_ping_measures_a_round_trip(gateway: Gateway, session_id: str, producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        assert 0 < await client.ping() < 5_000


async def test_subscribe_delivers_events_to_an_async_iterator(gateway: Gateway, session_id: str,
                                                              producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        subscription = await client.subscribe("anomalies")
        await fitted(client)
        await client.send_sample(OUTLIER)
        event = await asyncio.wait_for(subscription.__anext__(), 20)
        assert isinstance(event, TopicEvent) and event.type == "anomaly" and event.session_id == session_id
        assert event.position is not None and subscription.position is not None
        assert subscription.position.offset >= event.position.offset  # the last received, read or not
        assert await client.unsubscribe("anomalies") is True
        remaining = [e async for e in subscription]  # what had arrived is still read, then the iteration ends
        assert all(e.type == "anomaly" for e in remaining)


async def test_subscribe_delivers_events_to_a_callback(gateway: Gateway, session_id: str, producer: str) -> None:
    seen: asyncio.Queue[TopicEvent] = asyncio.Queue()
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        async with await client.subscribe("anomalies", seen.put_nowait):
            await fitted(client)
            await client.send_sample(OUTLIER)
            event = await asyncio.wait_for(seen.get(), 20)
            while event.body["data"] != OUTLIER:  # a few normal rows are flagged too (contamination)
                event = await asyncio.wait_for(seen.get(), 20)
            assert event.type == "anomaly" and event.topic == "anomalies"


async def test_subscribe_since_a_foreign_position_is_not_recovered(gateway: Gateway, session_id: str,
                                                                  producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        subscription = await client.subscribe("anomalies", since=Position("another-gateway", 12))
        assert subscription.recovered is False


async def test_the_full_endpoint_url_names_the_session(gateway: Gateway, session_id: str, producer: str) -> None:
    client = create_streaming_client(f"{gateway.url}/api/v1/streaming/enhanced/{session_id}", token=producer,
                                     client_id="notebook-1")
    async with client.streaming_session():
        assert client.welcome is not None
        assert client.welcome["session_id"] == session_id and client.welcome["client_id"] == "notebook-1"
        assert client.connected


async def test_request_sends_any_message_and_returns_the_answer(gateway: Gateway, session_id: str,
                                                                producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        answer = await client.request({"type": "ping"})
        assert answer["type"] == "pong" and answer["request_id"].startswith("r")


async def test_statistics_count_requests_and_latency(gateway: Gateway, session_id: str, producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        await asyncio.gather(*(client.send_sample(row) for row in rows(50)))
        statistics = client.statistics()
        assert statistics.sent == 50 and statistics.answered == 50 and statistics.errors == 0
        assert statistics.reconnects == 0 and statistics.queued == 0 and statistics.in_flight == 0
        assert 0 < statistics.latency_p50_ms <= statistics.latency_p99_ms <= statistics.latency_max_ms


async def test_requests_made_before_connecting_wait_for_the_connection(gateway: Gateway, session_id: str,
                                                                       producer: str) -> None:
    client = create_streaming_client(gateway.url, session_id, token=producer)
    pending = [client.send_sample([float(i), 1.0]) for i in range(5)]
    results = await asyncio.gather(*pending)
    assert [r.metadata["buffer_size"] for r in results] == [1, 2, 3, 4, 5]
    await client.close()


async def test_close_drains_what_is_pending(gateway: Gateway, session_id: str, producer: str) -> None:
    client = create_streaming_client(gateway.url, session_id, token=producer)
    await client.connect()
    pending = [client.send_sample([float(i), 1.0]) for i in range(20)]
    await client.close(drain=20)
    assert all(p.done() and not p.exception() for p in pending)
    assert client.closed


@pytest.mark.parametrize("table", [np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]), [[0.1, 0.2], [0.3, 0.4],
                                                                                   [0.5, 0.6]]],
                         ids=["numpy", "lists"])
def test_score_works_without_an_event_loop(gateway: Gateway, session_id: str, producer: str,
                                           table: object) -> None:
    from anomaly_gateway import score
    results = score(table, url=gateway.url, session_id=session_id, token=producer, batch_size=2)
    assert [r.metadata["buffer_size"] for r in results] == [1, 2, 3]


async def test_score_works_inside_a_running_event_loop(gateway: Gateway, session_id: str, producer: str) -> None:
    from anomaly_gateway import score
    results = score(rows(301), url=gateway.url, session_id=session_id, token=producer, batch_size=100)
    assert [r.metadata["buffer_size"] for r in results] == list(range(1, 302))
