"""Bad input and failures raise typed exceptions that carry the protocol's code; the connection carries on."""

from __future__ import annotations

import asyncio
import socket

import pytest

from anomaly_gateway import (AnomalyGatewayError, ConnectionLost, ConnectionRefused, ErrorCode, QueueFull,
                             RequestTimeout, ServerError, Unauthorized, create_streaming_client)
from gateway import Gateway


def free_port() -> int:
    """A port nothing listens on (bound, read, released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_a_dimension_mismatch_raises_its_code_and_the_connection_carries_on(
        gateway: Gateway, session_id: str, producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        await client.send_sample([1.0, 2.0])
        with pytest.raises(ServerError) as raised:
            await client.send_sample([1.0, 2.0, 3.0])
        assert raised.value.code is ErrorCode.DIMENSION_MISMATCH and not raised.value.temporary
        assert raised.value.request_id and "3" in raised.value.message
        assert (await client.send_sample([3.0, 4.0])).metadata["buffer_size"] == 2


@pytest.mark.parametrize("call, code", [
    (lambda c: c.send_sample([1.0], algorithm="crystal_ball"), ErrorCode.UNKNOWN_ALGORITHM),
    (lambda c: c.send_batch([[1.0, 2.0], [1.0]]), ErrorCode.RAGGED_BATCH),
    (lambda c: c.send_batch([]), ErrorCode.EMPTY_BATCH),
    (lambda c: c.send_config({"no_such_setting": 1}), ErrorCode.INVALID_CONFIG),
    (lambda c: c.check_drift(window_size=1), ErrorCode.INVALID_FIELD),
    (lambda c: c.request({"type": "teleport"}), ErrorCode.UNKNOWN_TYPE),
], ids=["algorithm", "ragged", "empty", "config", "drift", "type"])
async def test_bad_requests_raise_server_errors_with_their_code(gateway: Gateway, session_id: str, producer: str,
                                                                call, code: ErrorCode) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        with pytest.raises(ServerError) as raised:
            await call(client)
        assert raised.value.code is code
        assert await client.ping() > 0


async def test_a_viewer_may_not_score(gateway: Gateway, session_id: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=gateway.token("viewer")) as client:
        with pytest.raises(ServerError) as raised:
            await client.send_sample([1.0])
        assert raised.value.code is ErrorCode.FORBIDDEN


async def test_values_json_cannot_carry_are_refused_before_sending(gateway: Gateway, session_id: str,
                                                                   producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        with pytest.raises(ValueError):
            client.send_sample([1.0, float("nan")])
        assert client.statistics().sent == 0


async def test_a_request_over_the_message_limit_fails_unsent(gateway: Gateway, session_id: str,
                                                             producer: str) -> None:
    async with create_streaming_client(gateway.url, session_id, token=producer) as client:
        rows = [[0.123456789] * 100] * 9_000
        with pytest.raises(ServerError) as raised:
            await client.send_batch(rows)
        assert raised.value.code is ErrorCode.MESSAGE_TOO_LARGE and "not sent" in raised.value.message
        assert client.statistics().reconnects == 0 and await client.ping() > 0


async def test_an_invalid_static_token_stops_the_client(gateway: Gateway, session_id: str) -> None:
    client = create_streaming_client(gateway.url, session_id, token="not-a-token")
    with pytest.raises(Unauthorized):
        await client.connect()
    assert client.closed


async def test_a_malformed_session_id_is_refused_for_good(gateway: Gateway, producer: str) -> None:
    client = create_streaming_client(gateway.url, "bad!session", token=producer)
    with pytest.raises(ConnectionRefused) as raised:
        await client.connect()
    assert raised.value.status == 400 and isinstance(raised.value, ConnectionError)


async def test_a_request_without_a_gateway_times_out(session_id: str) -> None:
    client = create_streaming_client(f"ws://127.0.0.1:{free_port()}", session_id, initial_backoff=0.05)
    with pytest.raises(RequestTimeout) as raised:
        await client.send_sample([1.0], timeout=0.3)
    assert isinstance(raised.value, TimeoutError) and isinstance(raised.value, AnomalyGatewayError)
    await client.close()


@pytest.mark.parametrize("policy, loser", [("reject", 2), ("drop_oldest", 0)])
async def test_a_full_queue_fails_the_request_its_policy_names(session_id: str, policy: str, loser: int) -> None:
    client = create_streaming_client(f"ws://127.0.0.1:{free_port()}", session_id, max_queue_size=2,
                                     overflow_policy=policy)
    pending = [client.send_sample([float(i)]) for i in range(3)]
    await asyncio.sleep(0)
    assert isinstance(pending[loser].exception(), QueueFull)
    assert client.statistics().dropped == 1
    await client.close()
    assert all(isinstance(p.exception(), (QueueFull, ConnectionLost)) for p in pending)


async def test_closing_fails_what_is_pending_with_connection_lost(session_id: str) -> None:
    client = create_streaming_client(f"ws://127.0.0.1:{free_port()}", session_id)
    pending = client.send_sample([1.0])
    await client.close()
    with pytest.raises(ConnectionLost):
        await pending
    with pytest.raises(ConnectionLost):
        await client.send_sample([1.0])
