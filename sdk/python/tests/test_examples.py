"""Each example runs against the real gateway and does what it says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gateway import Gateway

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(gateway: Gateway, session: str, name: str, *extra: str) -> str:
    done = subprocess.run([sys.executable, str(EXAMPLES / name), "--url", gateway.url, "--session", session,
                           "--token", gateway.token("producer"), *extra], capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_basic_streaming_finds_the_planted_anomalies(gateway: Gateway, session_id: str) -> None:
    output = run(gateway, session_id, "basic_streaming.py", "--samples", "400")
    assert "streamed 400 samples" in output and "session total 400" in output
    assert "anomaly, score" in output


def test_batch_processing_scores_every_row_both_ways(gateway: Gateway, session_id: str) -> None:
    output = run(gateway, session_id, "batch_processing.py", "--rows", "1200", "--batch", "200")
    assert "1200 rows in 6 batches" in output and "random_cut_forest (score): 1200 rows" in output


def test_drift_detection_sees_the_change_and_resets(gateway: Gateway, session_id: str) -> None:
    output = run(gateway, session_id, "drift_detection.py")
    assert "before the change: drift False" in output
    assert "after the change (ks): drift True" in output and "drifted features [0]" in output
    assert "reference reset" in output


def test_subscriptions_receive_the_producers_anomalies(gateway: Gateway, session_id: str) -> None:
    output = run(gateway, session_id, "subscriptions.py", "--samples", "400")
    received = int(output.strip().splitlines()[-1].split()[1])
    assert received >= 1 and "anomaly at offset" in output


def test_the_console_dashboard_draws_frames(gateway: Gateway, session_id: str) -> None:
    output = run(gateway, session_id, "console_dashboard.py", "--duration", "11", "--demo", "1")
    assert "== frame 1 ==" in output and "samples/s" in output and "latest anomalies:" in output


def test_the_performance_test_reports_rates_and_percentiles(gateway: Gateway, session_id: str) -> None:
    output = run(gateway, session_id, "performance_test.py", "--samples", "600", "--batches", "5")
    report = json.loads(output.strip().splitlines()[-1])
    for window in (1, 32):
        figures = report[f"window_{window}"]
        assert figures["samples"] == 600 and figures["per_second"] > 0
        assert 0 < figures["p50_ms"] <= figures["p99_ms"]
    assert report["batches"]["rows_per_second"] > 0
