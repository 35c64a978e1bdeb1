#!/usr/bin/env python3
"""Streams samples to the anomaly gateway from Python, with nothing but the `websockets` package.

    pip install websockets            # or: apt-get install python3-websockets
    python3 examples/python/stream.py --url ws://localhost:8000 --session py-demo [--token T] [--samples 500]

The protocol is plain JSON over WebSocket: read the welcome, send requests with a request_id, match the answers
by request_id; topic events (here: this session's anomalies) arrive on the same connection without one.
"""
import argparse
import asyncio
import json
import os
import random


async def main(url, session, token, samples):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    connect_kwargs = {"max_size": 16 * 1024 * 1024}
    if headers:
        connect_kwargs["extra_headers"] = headers
    async with websockets.connect(f"{url}/api/v1/streaming/enhanced/{session}", **connect_kwargs) as ws:
        welcome = json.loads(await ws.recv())
        print(f"connected as {welcome['client_id']} (role {welcome['role']})")
        await ws.send(json.dumps({"type": "subscribe", "config": {"topic": "anomalies"}, "request_id": "sub"}))
        rng = random.Random(7)
        anomalies = events = 0
        for i in range(samples):
            data = [rng.gauss(0, 1) for _ in range(3)]
            if i > 200 and i % 50 == 0:
                data[1] += 12
            request_id = f"s-{i}"
            await ws.send(json.dumps({"type": "sample", "data": data, "request_id": request_id}))
            while True:
                message = json.loads(await ws.recv())
                if message.get("type") == "anomaly":
                    events += 1
                    continue
                if message.get("request_id") != request_id:
                    continue
                if message["type"] == "error":
                    raise SystemExit(f"error: {message['error']['code']}: {message['error']['message']}")
                if message["is_anomaly"]:
                    anomalies += 1
                    top = message["metadata"]["explanation"][0]
                    print(f"sample {i}: anomaly, score {message['confidence_score']:.2f}, feature {top['index']}")
                break
        await ws.send(json.dumps({"type": "stats", "request_id": "stats"}))
        while True:
            message = json.loads(await ws.recv())
            if message.get("request_id") == "stats":
                total = message["stats"]["streaming"]["total_samples"]
                break
            if message.get("type") == "anomaly":
                events += 1
        print(f"streamed {samples} samples: {anomalies} anomalies, {events} anomaly events, "
              f"session total {total}")


if __name__ == "__main__":
    import websockets

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="ws://localhost:8000")
    parser.add_argument("--session", default="py-demo")
    parser.add_argument("--token", default=os.environ.get("ANOMALY_TOKEN"))
    parser.add_argument("--samples", type=int, default=500)
    args = parser.parse_args()
    asyncio.run(main(args.url, args.session, args.token, args.samples))
