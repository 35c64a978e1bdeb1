"""The client's small parts, each against what it promises."""

from __future__ import annotations

import base64
import json
import random

import pytest

from anomaly_gateway._backoff import Backoff
from anomaly_gateway._connection import endpoint_url
from anomaly_gateway._pacing import Pacer
from anomaly_gateway._token import expiring, refresh_delay


def token_expiring_at(exp: float) -> str:
    claims = base64.urlsafe_b64encode(json.dumps({"sub": "t", "exp": exp}).encode()).decode().rstrip("=")
    return f"eyJhbGciOiJIUzI1NiJ9.{claims}.signature"


def test_backoff_grows_exponentially_within_its_jitter_and_stops_at_the_maximum() -> None:
    backoff = Backoff(0.1, 10.0, 0.5, random.Random(1))
    for attempt, ceiling in [(0, 0.1), (1, 0.2), (3, 0.8), (20, 10.0)]:
        delays = [backoff.delay(attempt) for _ in range(200)]
        assert all(ceiling * 0.5 <= d <= ceiling for d in delays)
        assert max(delays) - min(delays) > ceiling * 0.3  # spread, so that clients do not return together


def test_a_token_is_refreshed_a_third_of_its_life_before_expiry_at_most_thirty_seconds() -> None:
    assert refresh_delay(token_expiring_at(1_000 + 60), 1_000) == pytest.approx(40)
    assert refresh_delay(token_expiring_at(1_000 + 3_600), 1_000) == pytest.approx(3_570)
    assert refresh_delay("not.a-token", 1_000) is None
    assert expiring(token_expiring_at(1_010), 1_000) and not expiring(token_expiring_at(1_100), 1_000)


def test_the_endpoint_url_comes_from_a_base_url_and_a_session_or_from_the_full_url() -> None:
    assert endpoint_url("ws://h:8000", "s1", "c") == "ws://h:8000/api/v1/streaming/enhanced/s1?client_id=c"
    assert endpoint_url("wss://h/api/v1/streaming/enhanced/s2?token=t", None, "c") == \
        "wss://h/api/v1/streaming/enhanced/s2?token=t&client_id=c"
    with pytest.raises(ValueError):
        endpoint_url("ws://h:8000", None, "c")
    with pytest.raises(ValueError):
        endpoint_url("ws://h:8000/api/v1/streaming/enhanced/", None, "c")


def test_after_a_refusal_requests_go_one_per_retry_delay_until_a_calm_second() -> None:
    pacer = Pacer()
    assert pacer.delay(0.0) == 0
    pacer.refused(10.0, 0.02)
    assert pacer.delay(10.0) == pytest.approx(0.02)
    pacer.sent(10.02)
    assert pacer.delay(10.02) == pytest.approx(0.02)
    pacer.sent(11.5)  # more than a second after the refusal: no more pacing
    assert pacer.delay(11.5) == 0
