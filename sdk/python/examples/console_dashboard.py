#!/usr/bin/env python3
"""A live console dashboard of one session: throughput, latency, anomaly rate and the latest anomalies and
alerts, redrawn at every stats event (every 5 s). With ``--demo`` it also streams samples to watch.

    python3 sdk/python/examples/console_dashboard.py --url ws://localhost:8000 --token $TOKEN --demo --duration 30
"""

from __future__ import annotations

import asyncio
import random
from collections import deque

from _common import arguments

from anomaly_gateway import StreamingClient, TopicEvent, create_streaming_client


class Board:
    """What the dashboard shows, updated by the subscriptions' callbacks."""

    def __init__(self) -> None:
        self.stats: dict[str, object] = {}
        self.anomalies: deque[str] = deque(maxlen=5)
        self.alerts: deque[str] = deque(maxlen=3)
        self.frames = 0

    def on_anomaly(self, event: TopicEvent) -> None:
        top = event.body["explanation"][0] if event.body.get("explanation") else {"index": "?"}
        self.anomalies.appendleft(f"{event.timestamp}  score {event.body['confidence_score']:.2f}  "
                                  f"feature {top['index']}")

    def on_alert(self, event: TopicEvent) -> None:
        self.alerts.appendleft(f"{event.body['severity']:8} {event.body['status']:9} "
                               f"{event.body['metadata']['title']}")

    def on_stats(self, event: TopicEvent) -> None:
        self.stats = event.body["stats"]
        self.draw()

    def draw(self) -> None:
        self.frames += 1
        s, latency = self.stats, self.stats.get("latency_ms", {})
        print(f"\n== frame {self.frames} ==")
        print(f"samples/s {s.get('samples_per_s', 0):>10.1f}   samples {s.get('samples', 0):>8}   "
              f"anomaly rate {s.get('anomaly_rate', 0):.2%}   clients {s.get('clients', '-')}")
        print(f"latency ms  p50 {latency.get('p50', 0):.2f}  p99 {latency.get('p99', 0):.2f}  "
              f"max {latency.get('max', 0):.2f}")
        print("latest anomalies:", *(f"  {line}" for line in self.anomalies), sep="\n")
        print("alerts:", *(f"  {line}" for line in self.alerts), sep="\n")


async def demo(client: StreamingClient, seconds: float) -> None:
    rng = random.Random(3)
    loop = asyncio.get_running_loop()
    end, i = loop.time() + seconds, 0
    while loop.time() < end:
        data = [rng.gauss(0, 1) for _ in range(3)]
        if i > 150 and i % 30 == 0:
            data = [9.0, -9.0, 9.0]
        await client.send_sample(data)
        i += 1
        await asyncio.sleep(0.002)


async def main() -> None:
    args = arguments(__doc__, duration=(float, 30.0, "seconds to run"),
                     demo=(int, 0, "1: also stream demo samples"))
    board = Board()
    async with create_streaming_client(args.url, args.session, token=args.token) as client:
        await client.subscribe("stats", board.on_stats)
        await client.subscribe("anomalies", board.on_anomaly)
        await client.subscribe("alerts", board.on_alert)
        if args.demo:
            await demo(client, args.duration)
        else:
            await asyncio.sleep(args.duration)
    print(f"dashboard drew {board.frames} frames")


if __name__ == "__main__":
    asyncio.run(main())
