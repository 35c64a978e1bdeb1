#!/usr/bin/env python3
"""Streams samples one by one and prints each anomaly with the feature that explains it best.

    python3 sdk/python/examples/basic_streaming.py --url ws://localhost:8000 --token $TOKEN --samples 500
"""

from __future__ import annotations

import asyncio
import random

from _common import arguments

from anomaly_gateway import create_streaming_client


async def main() -> None:
    args = arguments(__doc__, samples=(int, 500, "samples to stream"))
    rng = random.Random(7)
    anomalies = 0
    async with create_streaming_client(args.url, args.session, token=args.token) as client:
        for i in range(args.samples):
            data = [rng.gauss(0, 1) for _ in range(3)]
            if i > 200 and i % 50 == 0:
                data[1] += 12
            result = await client.send_sample(data)
            if result.is_anomaly:
                anomalies += 1
                top = result.explanation[0]
                print(f"sample {i}: anomaly, score {result.confidence_score:.2f}, feature {top.index} "
                      f"({top.direction}, {top.contribution:.0%} of the explanation)")
        stats = await client.get_stats()
    print(f"streamed {args.samples} samples: {anomalies} anomalies; session total {stats.total_samples}")


if __name__ == "__main__":
    asyncio.run(main())
