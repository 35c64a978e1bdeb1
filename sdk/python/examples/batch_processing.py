#!/usr/bin/env python3
"""Scores a table in batches: first with the asyncio client, then with the synchronous ``score`` that notebooks
use, and compares the two algorithms' verdicts.

    python3 sdk/python/examples/batch_processing.py --url ws://localhost:8000 --token $TOKEN --rows 2000
"""

from __future__ import annotations

import asyncio
import random
import time

from _common import arguments

from anomaly_gateway import create_streaming_client, score


def table(rows: int) -> list[list[float]]:
    rng = random.Random(11)
    data = [[rng.gauss(0, 1) for _ in range(4)] for _ in range(rows)]
    for i in range(300, rows, 97):
        data[i][i % 4] += 9
    return data


async def stream(url: str, session: str, token: str | None, data: list[list[float]], batch: int) -> int:
    async with create_streaming_client(url, session, token=token) as client:
        started = time.perf_counter()
        results = await asyncio.gather(*(client.send_batch(data[i:i + batch]) for i in range(0, len(data), batch)))
        seconds = time.perf_counter() - started
    flagged = sum(result.anomalies for result in results)
    print(f"isolation_forest: {len(data)} rows in {len(results)} batches, {len(data) / seconds:,.0f} rows/s, "
          f"{flagged} anomalies")
    return flagged


def main() -> None:
    args = arguments(__doc__, rows=(int, 2000, "rows to score"), batch=(int, 250, "rows per batch"))
    data = table(args.rows)
    asyncio.run(stream(args.url, args.session, args.token, data, args.batch))
    # The synchronous facade: no event loop needed, one result per row, in order.
    results = score(data, url=args.url, session_id=f"{args.session}-rcf", token=args.token,
                    algorithm="random_cut_forest", batch_size=args.batch)
    flagged = [i for i, result in enumerate(results) if result.is_anomaly]
    print(f"random_cut_forest (score): {len(results)} rows, {len(flagged)} anomalies, first at rows {flagged[:5]}")


if __name__ == "__main__":
    main()
