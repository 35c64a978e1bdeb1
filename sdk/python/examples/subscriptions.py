#!/usr/bin/env python3
"""Follows a session's anomalies and alerts (as a dashboard would) while a producer streams to it; survives
reconnects, and says whether missed events were recovered.

    python3 sdk/python/examples/subscriptions.py --url ws://localhost:8000 --token $TOKEN --samples 600
"""

from __future__ import annotations

import asyncio
import random

from _common import arguments

from anomaly_gateway import TopicEvent, create_streaming_client


async def produce(url: str, session: str, token: str | None, samples: int) -> None:
    """Normal samples, and once the session's model is fitted an outlier every 40: at least three of them, since
    a busy server may fit the model later than its ``min_samples``th sample."""
    rng = random.Random(9)
    async with create_streaming_client(url, session, token=token) as producer:
        fitted = False
        outliers = 0
        i = 0
        while i < samples or outliers < 3:
            data = [rng.gauss(0, 1) for _ in range(3)]
            if fitted and i > 150 and i % 40 == 0:
                data = [15.0, 15.0, 15.0]
                outliers += 1
            fitted = (await producer.send_sample(data)).model_fitted
            i += 1


def on_alert(event: TopicEvent) -> None:
    print(f"alert {event.body['status']}: {event.body['metadata']['title']}")


async def main() -> None:
    args = arguments(__doc__, samples=(int, 600, "samples the producer streams"))
    async with create_streaming_client(args.url, args.session, token=args.token) as watcher:
        await watcher.subscribe("alerts", on_alert,
                                on_recovery=lambda recovered: print(f"alerts recovered: {recovered}"))
        anomalies = await watcher.subscribe("anomalies")
        producing = asyncio.ensure_future(produce(args.url, args.session, args.token, args.samples))
        seen = 0
        while True:
            try:
                event = await asyncio.wait_for(anomalies.__anext__(), 3)
            except asyncio.TimeoutError:
                if producing.done():
                    break  # the producer is done and nothing more came for 3 s
                continue
            seen += 1
            print(f"anomaly at offset {event.position.offset if event.position else '-'}: "
                  f"score {event.body['confidence_score']:.2f}, data {event.body['data']}")
        await producing
    print(f"received {seen} anomaly events")


if __name__ == "__main__":
    asyncio.run(main())
