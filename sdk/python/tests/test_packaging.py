"""The package installs offline with pip, from Debian's setuptools and websockets, and is typed."""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def test_pip_installs_the_package_offline(tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(environment)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-build-isolation",
                    str(PACKAGE)], check=True, cwd=tmp_path, timeout=300)
    shown = subprocess.run([str(python), "-c", "import anomaly_gateway, pathlib; "
                            "print(anomaly_gateway.__file__); "
                            "print((pathlib.Path(anomaly_gateway.__file__).parent / 'py.typed').is_file())"],
                           check=True, cwd=tmp_path, capture_output=True, text=True, timeout=60).stdout.split()
    assert shown[0].startswith(str(environment)) and shown[1] == "True"

