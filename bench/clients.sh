#!/usr/bin/env bash
# One connection of each client we ship (Python, Go, TypeScript in Node.js, JVM) on the same fresh local gateway: samples with 1 and with
# 32 requests in flight (20,000 each after a warm-up), three runs of each. Prints every run's line; the medians go
# in BENCHMARKS.md. Needs the built jars (mvn -DskipTests package), Debian's python3-websockets, and Go with
# Debian's gorilla/websocket (see sdk/go/scripts/offline.sh).
#   bench/clients.sh [SAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES=${1:-20000}
JAR=$PWD/launcher/target/anomaly-gateway.jar
work=$(mktemp -d)
export ANOMALY_JWT_SECRET=$(head -c 48 /dev/urandom | base64)
(cd "$work" && exec java -jar "$JAR" --host 127.0.0.1 --port 0 > server.log 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q 'listening on' "$work/server.log" && break; sleep 0.5; done
port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/server.log" | grep -o '[0-9]*$')
token=$(java -jar "$JAR" token --role producer --sub bench --ttl 2h)
for run in 1 2 3; do
  echo "python run $run: $(/usr/bin/python3 sdk/python/examples/performance_test.py --url "ws://127.0.0.1:$port" \
    --session "py$run" --token "$token" --samples "$SAMPLES" --batches 100 | tail -1)"
done
(cd sdk/go && scripts/offline.sh build -o "$work/loadtest" ./examples/loadtest)
for run in 1 2 3; do
  echo "go run $run: $("$work/loadtest" -url "ws://127.0.0.1:$port" -session "go$run" -token "$token" \
    -samples "$SAMPLES" -batches 100 | tail -1)"
done
(cd sdk/typescript && npm ci --no-audit --no-fund --silent && npm run build --silent)
for run in 1 2 3; do
  echo "node run $run: $(node sdk/typescript/examples/loadtest.mjs --url "ws://127.0.0.1:$port" --session "ts$run" \
    --token "$token" --samples "$SAMPLES" --batches 100 | tail -1)"
done
for window in 1 32; do
  for run in 1 2 3; do
    echo "jvm window $window run $run: $(java -jar examples/target/anomaly-examples.jar performance \
      --url "ws://127.0.0.1:$port" --session "jvm$window-$run" --token "$token" --samples "$SAMPLES" \
      --window "$window" | grep '^samples:')"
  done
done
