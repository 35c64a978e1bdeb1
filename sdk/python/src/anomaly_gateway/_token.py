"""When to refresh a bearer token, read from its own ``exp`` claim (the client never verifies tokens; the gateway
does)."""

from __future__ import annotations

import base64
import json

_MAX_MARGIN = 30.0


def refresh_delay(token: str, now: float) -> float | None:
    """Seconds from ``now`` until the token should be refreshed: a third of its remaining lifetime before expiry,
    at most 30 s before, so that a slow supplier still has time. ``None`` when it has no readable ``exp``."""
    expires = expires_at(token)
    if expires is None:
        return None
    lifetime = max(0.0, expires - now)
    return max(0.001, lifetime - min(_MAX_MARGIN, lifetime / 3))


def expiring(token: str, now: float) -> bool:
    """Whether the token expires within the refresh margin (or has), so that a new connection should not use it."""
    expires = expires_at(token)
    return expires is not None and expires - now < _MAX_MARGIN


def expires_at(token: str) -> float | None:
    """The token's ``exp`` in seconds since the epoch, or ``None``."""
    parts = token.split(".")
    if len(parts) < 2:
        return None
    try:
        payload = parts[1] + "=" * (-len(parts[1]) % 4)
        exp = json.loads(base64.urlsafe_b64decode(payload)).get("exp")
    except (ValueError, AttributeError):
        return None
    return float(exp) if isinstance(exp, (int, float)) else None
