#!/usr/bin/env bash
# Starts a local cluster of separate JVMs from the packaged jar: one gateway, two detectors, drift and alerts.
# Each process's PID goes to run/cluster/<name>.pid and its output to run/cluster/<name>.log; cluster-stop.sh stops
# exactly those processes. Extra arguments go to every node (e.g. --config my.json); DETECTORS sets how many detector
# processes (default 2); the gateway also honours GATEWAY_PORT (default 8000) and GATEWAY_ARGS (e.g. "--no-auth
# --host 127.0.0.1"); JAVA_OPTS goes to every JVM; JAR replaces launcher/target/anomaly-gateway.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-launcher/target/anomaly-gateway.jar}
RUN=run/cluster
if [ ! -f "$JAR" ]; then
  echo "No $JAR: build it first with mvn -q -DskipTests package" >&2
  exit 1
fi
mkdir -p "$RUN"
for pid_file in "$RUN"/*.pid; do
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "A cluster started from here is still running ($pid_file): run scripts/cluster-stop.sh first" >&2
    exit 1
  fi
done
rm -f "$RUN"/*.pid

# start NAME ROLES [ARGS...]: one node in the background, its PID recorded
start() {
  local name=$1 roles=$2
  shift 2
  java ${JAVA_OPTS:-} -jar "$JAR" --cluster --roles "$roles" "$@" >"$RUN/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
}

# wait_for NAME PATTERN: until the node's log shows the pattern, or it died, or 120 s passed
wait_for() {
  local name=$1 pattern=$2
  for _ in $(seq 1 240); do
    if grep -q "$pattern" "$RUN/$name.log"; then
      return 0
    fi
    if ! kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
      echo "$name exited; its log: $RUN/$name.log" >&2
      tail -20 "$RUN/$name.log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "$name did not start within 120 s; its log: $RUN/$name.log" >&2
  return 1
}

# The first node forms the cluster; the others join it side by side.
start detector-1 detector "$@"
wait_for detector-1 "joined"
others=(drift alerts)
for i in $(seq 2 "${DETECTORS:-2}"); do
  start "detector-$i" detector "$@"
  others+=("detector-$i")
done
start drift drift "$@"
start alerts alerts "$@"
for name in "${others[@]}"; do
  wait_for "$name" "joined"
done
# shellcheck disable=SC2086
start gateway gateway --port "${GATEWAY_PORT:-8000}" ${GATEWAY_ARGS:-} "$@"
wait_for gateway "listening on"

echo "Cluster started; PIDs and logs in $RUN/"
for pid_file in "$RUN"/*.pid; do
  echo "  $(basename "$pid_file" .pid): PID $(cat "$pid_file")"
done
grep -v "^[0-9][0-9]:" "$RUN/gateway.log" | sed -n '/listening on/,$p'
