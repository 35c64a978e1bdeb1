"""Fixtures: one real gateway for the suite (authentication on), and a fresh session per test."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
if not any(Path(p).joinpath("anomaly_gateway", "__init__.py").is_file() for p in sys.path if p):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from gateway import Gateway  # noqa: E402


@pytest.fixture(scope="session")
def gateway() -> Iterator[Gateway]:
    server = Gateway()
    yield server
    server.close()


@pytest.fixture
def session_id(request: pytest.FixtureRequest) -> str:
    """A session of this test's own, so that tests never see each other's samples."""
    return f"py-{request.node.name[:40]}-{uuid.uuid4().hex[:8]}".replace("[", "-").replace("]", "")


@pytest.fixture
def producer(gateway: Gateway) -> str:
    return gateway.token("producer")
