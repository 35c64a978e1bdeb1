#!/usr/bin/env python3
"""Streams a signal whose mean moves, asks the gateway whether it drifted, and resets the reference.

    python3 sdk/python/examples/drift_detection.py --url ws://localhost:8000 --token $TOKEN
"""

from __future__ import annotations

import asyncio
import random

from _common import arguments

from anomaly_gateway import create_streaming_client


async def main() -> None:
    args = arguments(__doc__, shift=(float, 3.0, "how far the mean moves"))
    rng = random.Random(5)
    async with create_streaming_client(args.url, args.session, token=args.token) as client:
        drifts = await client.subscribe("drift")
        before = [[rng.gauss(0, 1), rng.gauss(5, 2)] for _ in range(600)]
        after = [[rng.gauss(args.shift, 1), rng.gauss(5, 2)] for _ in range(300)]
        await client.send_batch(before)
        steady = await client.check_drift(window_size=200, method="ks")
        print(f"before the change: drift {steady.drift_detected} ({steady.status})")
        await client.send_batch(after)
        for method in ("ks", "psi"):
            result = await client.check_drift(window_size=200, method=method, alpha=0.01)
            print(f"after the change ({method}): drift {result.drift_detected}, evidence {result.evidence}, "
                  f"drifted features {result.drifted_features}")
        try:
            event = await asyncio.wait_for(drifts.__anext__(), 10)
            print(f"monitoring published a drift event at sample {event.body['sample']} ({event.body['method']})")
        except asyncio.TimeoutError:
            print("monitoring published no drift event yet")
        reset = await client.check_drift(reset=True)
        print(f"reference {reset.status}: a new one forms from the next samples")


if __name__ == "__main__":
    asyncio.run(main())
