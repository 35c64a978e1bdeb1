"""The real gateway for the tests: the built jar on a free port, with authentication on and tokens minted by the
jar's own ``token`` command."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
JAR = Path(os.environ.get("ANOMALY_JAR", ROOT / "launcher" / "target" / "anomaly-gateway.jar"))
_LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)")


class Gateway:
    """One gateway process. ``restart()`` stops it with SIGTERM (it drains and writes its sessions' snapshots)
    and starts it again on the same data folder, on a new free port."""

    def __init__(self, config: str | None = None, secret: str | None = None) -> None:
        if not JAR.is_file():
            raise RuntimeError(f"{JAR} is missing: build it first (mvn -DskipTests package)")
        self.secret = secret or secrets.token_urlsafe(48)
        self.folder = Path(tempfile.mkdtemp(prefix="anomaly-gateway-py-"))
        self._config = config
        self._tokens: dict[tuple[str, str, str, str], str] = {}
        self._process: subprocess.Popen[str] | None = None
        self.port = 0
        self.log: list[str] = []
        self.start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = ["java", "-Xmx512m", "-jar", str(JAR), "--host", "127.0.0.1", "--port", "0"]
        if self._config is not None:
            config = self.folder / "config.json"
            config.write_text(self._config)
            command += ["--config", str(config)]
        self._process = subprocess.Popen(command, cwd=self.folder, env=self._environment(), text=True,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self.log.append(line)
            found = _LISTENING.search(line)
            if found:
                self.port = int(found.group(1))
                break
            if time.monotonic() > deadline:
                break
        if not self.port:
            self.stop()
            raise RuntimeError("The gateway did not start:\n" + "".join(self.log[-40:]))
        threading.Thread(target=self._drain_output, args=(self._process,), daemon=True).start()

    def _drain_output(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        try:
            for line in process.stdout:
                self.log.append(line)
        except (ValueError, OSError):
            pass  # closed by stop()

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(60)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process is not None and self._process.stdout is not None:
            self._process.stdout.close()
        self.port = 0

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def token(self, role: str = "producer", subject: str = "python-tests", sessions: str = "*",
              ttl: str = "1h") -> str:
        """A token from ``java -jar anomaly-gateway.jar token``; long-lived ones are minted once."""
        key = (role, subject, sessions, ttl)
        if key not in self._tokens or not ttl.endswith("h"):
            output = subprocess.run(["java", "-jar", str(JAR), "token", "--role", role, "--sub", subject,
                                     "--sessions", sessions, "--ttl", ttl], env=self._environment(),
                                    cwd=self.folder, capture_output=True, text=True, timeout=60, check=True)
            self._tokens[key] = output.stdout.strip().splitlines()[-1]
        return self._tokens[key]

    def _environment(self) -> dict[str, str]:
        return dict(os.environ, ANOMALY_JWT_SECRET=self.secret)
