"""Plays the language-neutral scenarios of ``sdk/conformance/`` through the Python SDK (see the README there for
the format). Well-formed requests go through :class:`StreamingClient`; frames no client would send (broken JSON,
binary) go through a plain WebSocket. Every message received is checked against ``sdk/asyncapi.yaml``."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

from anomaly_gateway import ServerError, StreamingClient
from anomaly_gateway._transport import ConnectionClosed, open_socket, refused_status

from contract import Contract
from gateway import Gateway

SCENARIOS = Path(__file__).resolve().parents[2] / "conformance" / "scenarios"
WAIT = 20.0


def row(index: int, dims: int) -> list[float]:
    """The scenarios' deterministic rows: integer arithmetic, so every language makes the same numbers."""
    return [((index * (k + 1) * 7919) % 1000) / 1000.0 for k in range(dims)]


class Peer:
    """One named connection of a scenario and everything it received."""

    def __init__(self, contract: Contract) -> None:
        self.contract = contract
        self.client: StreamingClient | None = None
        self.socket: Any = None
        self.answers: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.violations: list[str] = []
        self.subscriptions: dict[str, Any] = {}
        self.arrived = asyncio.Event()
        self.reader: asyncio.Task[None] | None = None
        self.close_code: int | None = None

    def observe(self, message: dict[str, Any]) -> None:
        for problem in self.contract.problems(message):
            self.violations.append(f"{message.get('type')}: {problem}")
        if "topic" in message and message.get("type") in ("anomaly", "alert", "stats", "drift"):
            self.events.append(message)
        elif message.get("type") != "welcome":
            self.answers.append(message)
        self.arrived.set()

    async def read_raw(self) -> None:
        try:
            async for frame in self.socket:
                self.observe(json.loads(frame))
        except Exception:  # noqa: BLE001 - the close code is what the scenario checks
            pass
        self.close_code = self.socket.close_code
        self.arrived.set()

    async def until(self, condition: Any) -> None:
        async def wait() -> None:
            while not condition():
                self.arrived.clear()
                await self.arrived.wait()
        await asyncio.wait_for(wait(), WAIT)


class Player:
    """Runs one scenario file against a gateway."""

    def __init__(self, gateway: Gateway, contract: Contract) -> None:
        self.gateway = gateway
        self.contract = contract
        self.peers: dict[str, Peer] = {}
        self.prefix = f"conf-{uuid.uuid4().hex[:8]}-"

    async def play(self, path: Path) -> None:
        scenario = json.loads(path.read_text())
        try:
            for number, step in enumerate(scenario["steps"]):
                try:
                    await self.step(step)
                except AssertionError as failure:
                    raise AssertionError(f"{path.name} step {number} {json.dumps(step)[:160]}: {failure}") from None
            violations = [v for peer in self.peers.values() for v in peer.violations]
            assert not violations, f"messages off the contract: {violations[:5]}"
        finally:
            for peer in self.peers.values():
                if peer.client is not None:
                    await peer.client.close()
                if peer.socket is not None:
                    await peer.socket.close()

    async def step(self, step: dict[str, Any]) -> None:
        if "connect" in step:
            await self.connect(step)
        elif "burst" in step:
            await self.burst(step)
        elif "send" in step:
            for index in range(step.get("repeat", 1)):
                answer = await self.send(self.peers[step["on"]], self.expand(step["send"], index))
                check(answer, step.get("expect", {}))
                if "until" in step and matches(answer, step["until"]):
                    break
            else:
                assert "until" not in step, f"never {step['until']} in {step['repeat']} answers"
        elif "send_text" in step or "send_binary" in step:
            peer = self.peers[step["on"]]
            seen = len(peer.answers)
            frame = self.expand(step["send_text"], 0) if "send_text" in step else bytes.fromhex(step["send_binary"])
            size = step.get("fragment")
            try:
                await peer.socket.send([frame[i:i + size] for i in range(0, len(frame), size)] if size else frame)
            except ConnectionClosed:
                pass  # the gateway may close before the whole frame is written
            if "expect" in step:
                await peer.until(lambda: len(peer.answers) > seen)
                check(peer.answers[seen], step["expect"])
        elif "await_event" in step:
            peer, wanted = self.peers[step["on"]], step["await_event"]
            matching = lambda: [e for e in peer.events if all(e.get(k) == v for k, v in wanted.items())]  # noqa: E731
            await peer.until(lambda: len(matching()) >= step.get("count", 1))
            for event in matching()[:step.get("count", 1)]:
                check(event, step.get("expect", {}))
        elif "disconnect" in step:
            await self.peers[step["disconnect"]].client.close()
        elif "expect_close" in step:
            peer = self.peers[step["expect_close"]]
            await peer.until(lambda: peer.close_code is not None)
            assert peer.close_code == step["code"], f"closed with {peer.close_code}"
        else:
            raise AssertionError(f"unknown step {step}")

    async def connect(self, step: dict[str, Any]) -> None:
        session = self.prefix + step["session"] if step["session"].isidentifier() else step["session"]
        token = None if step["role"] == "none" else self.gateway.token(step["role"])
        peer = self.peers[step["connect"]] = Peer(self.contract)
        if "expect_status" in step or step.get("raw"):
            url = f"{self.gateway.url}/api/v1/streaming/enhanced/{session}"
            try:
                peer.socket = await open_socket(url, {"Authorization": f"Bearer {token}"} if token else {},
                                                max_size=2 ** 26, ping_interval=None, ping_timeout=None,
                                                open_timeout=WAIT)
            except Exception as refused:  # noqa: BLE001 - the status is what is checked
                assert refused_status(refused) == step.get("expect_status"), f"refused with {refused!r}"
                return
            assert "expect_status" not in step, "the upgrade was accepted"
            welcome = json.loads(await peer.socket.recv())
            peer.observe(welcome)
            peer.reader = asyncio.get_running_loop().create_task(peer.read_raw())
        else:
            peer.client = StreamingClient(self.gateway.url, session, token=token, message_observer=peer.observe,
                                          reconnect=False, request_timeout=WAIT)
            welcome = await peer.client.connect()
        check(welcome, step.get("expect", {"type": "welcome"}))

    async def send(self, peer: Peer, message: dict[str, Any]) -> dict[str, Any]:
        """Sends through the SDK's own call for the type, and returns the gateway's last answer to it."""
        if peer.client is None:
            seen = len(peer.answers)
            message.setdefault("request_id", f"raw-{uuid.uuid4().hex[:8]}")
            await peer.socket.send(json.dumps(message))
            await peer.until(lambda: any(a.get("request_id") == message["request_id"] for a in peer.answers[seen:]))
            return [a for a in peer.answers[seen:] if a.get("request_id") == message["request_id"]][-1]
        client, config = peer.client, message.get("config") or {}
        try:
            if message["type"] == "subscribe":
                subscription = await client.subscribe(config["topic"], scope=config.get("scope", "session"),
                                                      since=config.get("since"))
                peer.subscriptions[config["topic"]] = subscription
            elif message["type"] == "unsubscribe":
                await client.unsubscribe(config["topic"])
            else:
                return await client.request(message)
        except ServerError as error:
            return next(a for a in reversed(peer.answers) if a.get("request_id") == error.request_id)
        return peer.answers[-1]

    async def burst(self, step: dict[str, Any]) -> None:
        peer = self.peers[step["on"]]
        seen = len(peer.answers)
        outcomes = await asyncio.gather(*(self.send(peer, self.expand(step["send"], i)) for i in range(step["burst"])),
                                        return_exceptions=True)
        failures = [o for o in outcomes if isinstance(o, BaseException)]
        assert not failures, f"{len(failures)} requests failed: {failures[:3]}"
        answers = peer.answers[seen:]
        for answer in answers:
            assert answer["type"] in step["expect_each"]["type_in"], answer
        some = [a for a in answers if a.get("type") == "error"]
        assert some, "no request of the burst was refused"
        check(some[0], step["expect_some"])

    def expand(self, value: Any, index: int) -> Any:
        """Replaces the scenario's placeholders: rows, texts, tokens and positions."""
        if isinstance(value, dict):
            return {k: self.expand(v, index) for k, v in value.items()}
        if isinstance(value, list):
            return [self.expand(v, index) for v in value]
        if not isinstance(value, str) or not value.startswith("$"):
            return value
        kind, _, argument = value[1:].partition(":")
        if kind == "row":
            return row(index, int(argument))
        if kind == "rows":
            count, dims = map(int, argument.split(":"))
            return [row(i, dims) for i in range(count)]
        if kind == "text":
            return "x" * int(argument)
        if kind == "token":
            return self.gateway.token(argument)
        if kind == "position":
            name, topic = argument.split(":")
            position = self.peers[name].subscriptions[topic].position
            return position.to_json()
        raise AssertionError(f"unknown placeholder {value}")


def check(message: dict[str, Any], expect: dict[str, Any]) -> None:
    """The scenario's expectations of one message (see ``sdk/conformance/README.md``)."""
    if "code" in expect:
        assert message.get("type") == "error" and message.get("success") is False, f"not an error: {message}"
        assert message["error"]["code"] == expect["code"], f"code {message['error']['code']}: {message['error']}"
        assert message["error"].get("message"), "an error without a message"
    if "type" in expect:
        assert message.get("type") == expect["type"], f"expected {expect['type']}, got {str(message)[:300]}"
    if "success" in expect:
        assert message.get("success") == expect["success"], message
    for path in expect.get("keys", []):
        found, _ = lookup(message, path)
        assert found, f"no {path} in {str(message)[:300]}"
    for path, wanted in expect.get("values", {}).items():
        found, value = lookup(message, path)
        assert found and value == wanted, f"{path} is {value!r}, expected {wanted!r}"


def matches(message: dict[str, Any], values: dict[str, Any]) -> bool:
    return all(lookup(message, path) == (True, wanted) for path, wanted in values.items())


def lookup(message: Any, path: str) -> tuple[bool, Any]:
    node = message
    for part in path.split("."):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False, None
    return True, node
