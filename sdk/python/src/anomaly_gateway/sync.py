"""Scoring from code that has no event loop (scripts, notebooks, other threads)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from .client import StreamingClient, rows_of
from .models import DetectionResult


def score(rows: Any, *, url: str, session_id: str | None = None, algorithm: str | None = None,
          batch_size: int = 1000, timeout: float = 120.0, **options: Any) -> list[DetectionResult]:
    """Scores ``rows`` (a pandas DataFrame, a 2-D numpy array or a list of lists) in order, in batches of
    ``batch_size`` rows, and returns one :class:`DetectionResult` per row, in the same order.

    It runs its own event loop on a thread of its own, so it works with or without a running loop (a Jupyter
    cell has one). ``options`` are :class:`StreamingClient`'s (``token``, ``client_id``, ...). Raises the first
    failure: a :class:`ServerError` with the protocol's code, a timeout, or a lost connection."""
    table = rows_of(rows)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    outcome: dict[str, Any] = {}

    async def run() -> list[DetectionResult]:
        async with StreamingClient(url, session_id, **options) as client:
            batches = [client.send_batch(table[i:i + batch_size], algorithm, timeout=timeout)
                       for i in range(0, len(table), batch_size)]
            results: list[DetectionResult] = []
            for batch in await asyncio.gather(*batches):
                results.extend(batch.results)
            return results

    def thread() -> None:
        try:
            outcome["value"] = asyncio.run(run())
        except BaseException as error:  # noqa: BLE001 - handed to the calling thread
            outcome["error"] = error

    worker = threading.Thread(target=thread, name="anomaly-gateway-score", daemon=True)
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
