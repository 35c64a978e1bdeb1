#!/usr/bin/env bash
# The SDK supports websockets 10.4 (Debian bookworm, what the main suite uses) and the releases from 14 on, whose
# client API differs. When pip can reach a newer websockets (an index or a local mirror), this runs the client's
# own tests again with it, in a virtual environment that keeps Debian's other packages; offline, it says so.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 -m venv --system-site-packages "$work/venv"
if ! "$work/venv/bin/pip" install --quiet --no-deps --only-binary=:all: 'websockets>=14' >"$work/pip.log" 2>&1; then
  echo "newer-websockets: no websockets >= 14 reachable for pip; only 10.4 was tested"
  exit 0
fi
echo "newer-websockets: testing with websockets $("$work/venv/bin/python" -c 'import websockets; print(websockets.__version__)')"
"$work/venv/bin/python" -m pytest -p no:cacheprovider -q tests/test_client_api.py tests/test_errors.py \
  tests/test_reliability.py
