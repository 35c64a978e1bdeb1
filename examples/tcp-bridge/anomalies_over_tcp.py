#!/usr/bin/env python3
"""Joins the gateway's event bus through its TCP bridge with nothing but Python's standard library: subscribes to
a session's anomalies and sends samples, each answered on a reply address.

    python3 examples/tcp-bridge/anomalies_over_tcp.py --port 7000 --session line-7 --token $TOKEN

The bridge is off unless configured ({"tcp_bridge": {"enabled": true}}); every frame is a 4-byte big-endian
length, then that many bytes of JSON. The first frame carries the token in its headers.
"""
import argparse
import json
import random
import socket
import struct


def send(connection, frame):
    body = json.dumps(frame).encode()
    connection.sendall(struct.pack(">I", len(body)) + body)


def receive(connection):
    header = read_exactly(connection, 4)
    return json.loads(read_exactly(connection, struct.unpack(">I", header)[0]))


def read_exactly(connection, size):
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the bridge closed the connection")
        data += chunk
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7000)
    parser.add_argument("--session", default="tcp-demo")
    parser.add_argument("--token", required=True, help="a producer token for the session")
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    topic = f"anomaly.topic.anomalies.{args.session}"
    rng = random.Random(5)
    events = scored = flagged = 0
    with socket.create_connection((args.host, args.port), timeout=20) as connection:
        send(connection, {"type": "register", "address": topic, "headers": {"token": args.token}})
        for i in range(args.samples):
            data = [rng.gauss(0, 1), rng.gauss(0, 1)]
            if i >= 150 and i % 25 == 0:
                data = [30.0, -30.0]
            reply = f"reply-{i}"
            send(connection, {"type": "send", "address": "anomaly.gateway.request", "replyAddress": reply,
                              "body": {"type": "sample", "session_id": args.session, "data": data,
                                       "request_id": reply}})
            while True:
                frame = receive(connection)
                if frame.get("type") == "err":
                    raise SystemExit(f"refused: {frame.get('message')}")
                if frame.get("address") == topic:
                    events += 1
                    continue
                if frame.get("address") == reply:
                    result = frame["body"]
                    if result.get("type") == "error":
                        raise SystemExit(f"error: {result['error']['code']}: {result['error']['message']}")
                    scored += 1
                    flagged += bool(result["is_anomaly"])
                    break
        connection.settimeout(3)
        try:
            while events < flagged:
                if receive(connection).get("address") == topic:
                    events += 1
        except socket.timeout:
            pass
    print(f"scored {scored} samples through the TCP bridge: {flagged} anomalies, {events} anomaly events")


if __name__ == "__main__":
    main()
