"""Delays between reconnect attempts, the same policy as every client of this project."""

from __future__ import annotations

import random


class Backoff:
    """Exponential from ``initial`` up to ``maximum`` seconds, each delay shortened by a random share (``jitter``),
    so that the clients of a gateway that died do not all come back at the same moment."""

    def __init__(self, initial: float, maximum: float, jitter: float, rng: random.Random | None = None) -> None:
        if initial <= 0 or maximum <= 0 or not 0 <= jitter <= 1:
            raise ValueError(f"backoff needs initial > 0, maximum > 0, jitter in [0, 1]; got {initial}, "
                             f"{maximum}, {jitter}")
        self._initial = initial
        self._maximum = max(maximum, initial)
        self._jitter = jitter
        self._rng = rng or random.Random()

    def delay(self, attempt: int) -> float:
        """Seconds to wait before attempt ``attempt`` (from 0): at least a millisecond."""
        ceiling = min(self._maximum, self._initial * 2 ** min(attempt, 62))
        return max(0.001, ceiling * (1 - self._jitter * self._rng.random()))
