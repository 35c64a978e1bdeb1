#!/usr/bin/env bash
# Stops exactly the processes scripts/cluster-start.sh started (by the PIDs in run/cluster/*.pid), gracefully first
# (SIGTERM: detectors hand their sessions over and the nodes leave the cluster), then forcibly after 30 s.
set -uo pipefail
cd "$(dirname "$0")/.."

RUN=run/cluster
shopt -s nullglob
pid_files=("$RUN"/*.pid)
if [ ${#pid_files[@]} -eq 0 ]; then
  echo "No cluster started from here ($RUN/*.pid not found)"
  exit 0
fi
# ours PID: alive and still running our jar (a PID file outliving its process may name someone else's by now)
ours() {
  ps -p "$1" -o args= 2>/dev/null | grep -q -- "-jar .* --cluster --roles"
}

# The gateway first, so that no new request reaches a worker that is leaving.
for name in gateway alerts drift; do
  pid_file="$RUN/$name.pid"
  [ -f "$pid_file" ] || continue
  pid=$(cat "$pid_file")
  if ours "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name (PID $pid) did not stop within 30 s: killing it"
      kill -KILL "$pid"
    fi
    echo "stopped $name (PID $pid)"
  fi
  rm -f "$pid_file"
done
# Then the detectors, together: each hands its sessions over to those still running, or snapshots them.
for pid_file in "$RUN"/*.pid; do
  pid=$(cat "$pid_file")
  if ours "$pid"; then
    kill -TERM "$pid"
    echo "stopping $(basename "$pid_file" .pid) (PID $pid)"
  fi
done
for pid_file in "$RUN"/*.pid; do
  pid=$(cat "$pid_file")
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if ours "$pid"; then
    echo "$(basename "$pid_file" .pid) (PID $pid) did not stop within 30 s: killing it"
    kill -KILL "$pid"
  fi
  rm -f "$pid_file"
done
