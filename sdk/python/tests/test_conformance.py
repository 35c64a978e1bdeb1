"""The conformance scenarios of sdk/conformance/, played through the Python SDK against the real gateway."""

from __future__ import annotations

from pathlib import Path

import pytest

from anomaly_gateway import ErrorCode
from conformance import SCENARIOS, Player
from contract import Contract
from gateway import Gateway


@pytest.fixture(scope="module")
def contract() -> Contract:
    return Contract()


@pytest.mark.parametrize("scenario", sorted(SCENARIOS.glob("*.json")), ids=lambda path: path.stem)
async def test_scenario_holds_through_the_python_sdk(gateway: Gateway, contract: Contract, scenario: Path) -> None:
    await Player(gateway, contract).play(scenario)


def test_the_contract_rejects_a_result_without_its_verdict(contract: Contract) -> None:
    wrong = {"type": "result", "success": True, "request_id": "r1", "timestamp": "2026-12-03T10:00:00Z",
             "sample_id": "s", "confidence_score": "high", "algorithm": "isolation_forest", "metadata": {}}
    assert contract.problems(wrong)


def test_the_contract_rejects_an_undeclared_key(contract: Contract) -> None:
    wrong = {"type": "pong", "success": True, "request_id": "r1", "timestamp": "2026-12-03T10:00:00Z",
             "surprise": 1}
    assert contract.problems(wrong)


def test_the_sdk_knows_every_error_code_of_the_contract(contract: Contract) -> None:
    assert {code.value for code in ErrorCode} == contract.error_codes()
