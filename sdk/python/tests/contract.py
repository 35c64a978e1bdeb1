"""``sdk/asyncapi.yaml`` as a validator: every message the gateway sends must match the schema of its type, and
carry no top-level key the contract does not declare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import yaml

CONTRACT = Path(__file__).resolve().parents[2] / "asyncapi.yaml"


class Contract:
    """The received messages of the contract, by their wire ``type``."""

    def __init__(self, path: Path = CONTRACT) -> None:
        self.document: dict[str, Any] = yaml.safe_load(path.read_text())
        resolver = jsonschema.RefResolver.from_schema(self.document)
        messages = self.document["components"]["messages"]
        received = self.document["operations"]["receiveMessage"]["messages"]
        self._by_type: dict[str, list[tuple[str, dict[str, Any], jsonschema.Draft7Validator]]] = {}
        for reference in received:
            name = reference["$ref"].rsplit("/", 1)[-1]
            payload = self._resolve(messages[name]["payload"])
            validator = jsonschema.Draft7Validator({"$ref": f"#/components/messages/{name}/payload"},
                                                  resolver=resolver)
            wire_type = payload["properties"]["type"]["const"]
            self._by_type.setdefault(wire_type, []).append((name, payload, validator))

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            node: Any = self.document
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def problems(self, message: dict[str, Any]) -> list[str]:
        """Why ``message`` breaks the contract; empty when it keeps it."""
        candidates = self._by_type.get(message.get("type"), [])
        if not candidates:
            return [f"the contract has no received message of type {message.get('type')!r}"]
        reasons = []
        for name, payload, validator in candidates:
            errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(message)]
            undeclared = sorted(set(message) - set(payload.get("properties", {})))
            if not errors and not undeclared:
                return []
            reasons.append(f"{name}: {errors[:3]}" + (f" undeclared keys {undeclared}" if undeclared else ""))
        return reasons

    def error_codes(self) -> set[str]:
        return set(self.document["components"]["schemas"]["ErrorCode"]["enum"])
