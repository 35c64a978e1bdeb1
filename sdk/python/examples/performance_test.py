#!/usr/bin/env python3
"""Measures one connection of the Python SDK: samples with 1 and with 32 requests in flight, then batches;
prints rates and latency percentiles, and the same as one JSON line for scripts.

    python3 sdk/python/examples/performance_test.py --url ws://localhost:8000 --token $TOKEN --samples 20000
"""

from __future__ import annotations

import asyncio
import json
import random
import time

from _common import arguments

from anomaly_gateway import StreamingClient, create_streaming_client


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def samples(client: StreamingClient, count: int, window: int) -> dict[str, float]:
    """Keeps ``window`` samples in flight; each latency is from the call to its answer."""
    rng = random.Random(1)
    rows = [[rng.gauss(0, 1) for _ in range(8)] for _ in range(count)]
    latencies: list[float] = []
    slots = asyncio.Semaphore(window)

    async def one(row: list[float]) -> None:
        async with slots:
            started = time.perf_counter()
            await client.send_sample(row)
            latencies.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(one(row) for row in rows))
    seconds = time.perf_counter() - started
    return {"window": window, "samples": count, "per_second": count / seconds,
            "p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99)}


async def batches(client: StreamingClient, count: int, size: int) -> dict[str, float]:
    rng = random.Random(2)
    rows = [[rng.gauss(0, 1) for _ in range(8)] for _ in range(size)]
    started = time.perf_counter()
    await asyncio.gather(*(client.send_batch(rows) for _ in range(count)))
    seconds = time.perf_counter() - started
    return {"batches": count, "batch_size": size, "rows_per_second": count * size / seconds}


async def main() -> None:
    args = arguments(__doc__, samples=(int, 20000, "samples per run"), batches=(int, 50, "batches"),
                     batch_size=(int, 100, "rows per batch"))
    report: dict[str, object] = {}
    for window in (1, 32):
        async with create_streaming_client(args.url, f"{args.session}-w{window}", token=args.token) as client:
            await samples(client, min(args.samples, 500), window)  # warm-up: JIT, fit
            figures = report[f"window_{window}"] = await samples(client, args.samples, window)
        print(f"samples, window {window:>2}: {figures['per_second']:>9,.0f}/s   p50 {figures['p50_ms']:.2f} ms   "
              f"p99 {figures['p99_ms']:.2f} ms")
    async with create_streaming_client(args.url, f"{args.session}-batch", token=args.token) as client:
        figures = report["batches"] = await batches(client, args.batches, args.batch_size)
    print(f"batches of {args.batch_size}: {figures['rows_per_second']:>9,.0f} rows/s")
    print(json.dumps(report))


if __name__ == "__main__":
    asyncio.run(main())
