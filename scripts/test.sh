#!/usr/bin/env bash
# Runs every test of every module and language: the README's second command, and exactly what CI runs.
# First it makes sure the machine has what the tests need beside Java and Maven, installing the missing Debian
# packages (as root, or through passwordless sudo) or saying which ones to install. Extra arguments go to Maven,
# e.g. scripts/test.sh -pl launcher -am -Dtest=DetectionTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests need, as "Debian package: the check that it is there".
#   chromium, chromium-driver: the dashboard's browser tests (DashboardBrowserIT) drive Debian's Chromium.
#   python3-*: the Python SDK's suite (sdk/python/tests) runs on Debian's /usr/bin/python3 (not a pyenv shim),
#   with websockets (the SDK's one dependency), pytest, pytest-asyncio, numpy (arrays in, optional for users),
#   jsonschema and yaml (the AsyncAPI contract check), venv and pip (the offline install test).
#   Node.js 20 and npm (not Debian's: its nodejs is older) for the TypeScript SDK's suite; checked below.
#   golang-go, golang-github-gorilla-websocket-dev, gcc: the Go SDK's suite (sdk/go), offline against Debian's
#   gorilla/websocket source (sdk/go/scripts/offline.sh), with the race detector (which needs cgo).
declare -A needs=(
  [chromium]="test -x /usr/bin/chromium"
  [chromium-driver]="test -x /usr/bin/chromedriver"
  [python3-websockets]="/usr/bin/python3 -c 'import websockets'"
  [python3-pytest]="/usr/bin/python3 -c 'import pytest'"
  [python3-pytest-asyncio]="/usr/bin/python3 -c 'import pytest_asyncio'"
  [python3-numpy]="/usr/bin/python3 -c 'import numpy'"
  [python3-jsonschema]="/usr/bin/python3 -c 'import jsonschema'"
  [python3-yaml]="/usr/bin/python3 -c 'import yaml'"
  [python3-venv]="/usr/bin/python3 -c 'import ensurepip, venv'"
  [python3-pip]="/usr/bin/python3 -m pip --version"
  [python3-setuptools]="/usr/bin/python3 -c 'import setuptools'"
  [golang-go]="command -v go"
  [golang-github-gorilla-websocket-dev]="dpkg -L golang-github-gorilla-websocket-dev"
  [gcc]="command -v gcc"
)
#   iptables, iproute2: the network fault tests (NetworkFaultIT) put cluster nodes in network namespaces and cut or
#   thin the links between them; they need root, so only root (CI) needs the packages.
if [ "$(id -u)" -eq 0 ]; then
  needs[iptables]="command -v iptables"
  needs[iproute2]="command -v ip"
fi

missing=()
for package in "${!needs[@]}"; do
  if ! eval "${needs[$package]}" >/dev/null 2>&1; then
    missing+=("$package")
  fi
done

if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null \
    || ! command -v npm >/dev/null 2>&1; then
  echo "The TypeScript SDK's tests need Node.js 20 or later and npm (https://nodejs.org)" >&2
  exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt=(apt-get)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt=(sudo apt-get)
  else
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" install -y "${missing[@]}" >/dev/null 2>&1 \
    || { "${apt[@]}" update >/dev/null && "${apt[@]}" install -y "${missing[@]}" >/dev/null; }
fi

# Whole outputs: cutting them with head would end the script on SIGPIPE under pipefail.
java -version
mvn -version
mvn -B verify "$@"

# The Python SDK against the jar just built: its API, its reliability, its examples, and the conformance
# scenarios the Java suite played above.
export ANOMALY_JAR="$PWD/launcher/target/anomaly-gateway.jar"
/usr/bin/python3 -m pytest -p no:cacheprovider -q sdk/python/tests
sdk/python/scripts/newer-websockets.sh

# The Go SDK: formatted, vetted, and its suite with the race detector against the same jar.
unformatted=$(gofmt -l sdk/go)
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
(cd sdk/go && scripts/offline.sh vet ./... && scripts/offline.sh test -race -count=1 ./...)

# The TypeScript SDK (Node.js 20 and npm from the machine; packages from the npm registry, pinned by
# package-lock.json): type check, then its suite against the same jar, the scenarios included.
(cd sdk/typescript && npm ci --no-audit --no-fund && npm run typecheck && npm test)
