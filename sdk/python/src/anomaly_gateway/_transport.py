"""The one place that knows which ``websockets`` is installed: Debian bookworm's 10.4 has only the legacy client
(``extra_headers=``), releases from 14 on have the new one (``additional_headers=``); the rest of the package sees
a connection with ``send``, ``recv`` and ``close`` either way."""

from __future__ import annotations

from typing import Any

import websockets
import websockets.exceptions

_MAJOR = int(websockets.__version__.split(".")[0])

if _MAJOR >= 14:
    from websockets.asyncio.client import connect as _connect

    _HEADERS = "additional_headers"
else:
    _connect = websockets.connect  # type: ignore[assignment]
    _HEADERS = "extra_headers"

#: Raised when the connection closes; ``close_code`` reads its code.
ConnectionClosed = websockets.exceptions.ConnectionClosed


async def open_socket(url: str, headers: dict[str, str], *, max_size: int, ping_interval: float | None,
                      ping_timeout: float | None, open_timeout: float) -> Any:
    """Opens a WebSocket; keep-alive pings (RFC 6455) are the library's, so a dead peer is noticed within
    ``ping_interval + ping_timeout``."""
    options: dict[str, Any] = {_HEADERS: headers, "max_size": max_size, "ping_interval": ping_interval,
                               "ping_timeout": ping_timeout, "open_timeout": open_timeout,
                               "compression": None}
    return await _connect(url, **options)


def close_code(error: BaseException) -> int | None:
    """The close code the server sent, if any."""
    if hasattr(error, "rcvd"):  # 10.0 and later; reading .code is deprecated from 13.1 on
        return int(error.rcvd.code) if error.rcvd is not None else None
    code = getattr(error, "code", None)
    return int(code) if isinstance(code, int) and code not in (1005, 1006) else None


def refused_status(error: BaseException) -> int | None:
    """The HTTP status of a refused upgrade, or ``None`` when the failure was something else."""
    response = getattr(error, "response", None)
    if response is not None and hasattr(response, "status_code"):
        return int(response.status_code)
    status = getattr(error, "status_code", None)
    return int(status) if isinstance(status, int) else None


def retry_after(error: BaseException) -> float | None:
    """Seconds named by a refused upgrade's ``Retry-After`` header, when it has one."""
    headers = getattr(getattr(error, "response", None), "headers", None) or getattr(error, "headers", None)
    try:
        value = headers.get("Retry-After") if headers is not None else None
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
