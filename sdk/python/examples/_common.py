"""What every example shares: where the gateway is and which token to use."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Run from a clone without installing: the package's source is next door.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def arguments(description: str, **extra: tuple[type, object, str]) -> argparse.Namespace:
    """Parses ``--url``, ``--session`` and ``--token`` (default: ``$ANOMALY_TOKEN``), plus the example's own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--url", default=os.environ.get("ANOMALY_URL", "ws://localhost:8000"),
                        help="the gateway (default ws://localhost:8000, or $ANOMALY_URL)")
    parser.add_argument("--session", default="python-demo", help="the session to stream to")
    parser.add_argument("--token", default=os.environ.get("ANOMALY_TOKEN"),
                        help="a producer token (default $ANOMALY_TOKEN; the server prints one at start)")
    for name, (kind, default, help_text) in extra.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=kind, default=default, help=help_text)
    return parser.parse_args()
