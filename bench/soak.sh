#!/usr/bin/env bash
# Soak: a steady mixed load on a small cluster (a gateway with drift and alerts, one detector; separate JVMs at
# -Xmx512m) for DURATION seconds, with churn through new sessions and one graceful detector restart half way.
# Every 30 s it records each process's live heap (after a full collection) and RSS, and each load segment's
# throughput, p99, errors and unanswered requests. Ends with a summary: whether the heap stayed flat and nothing
# went unanswered. Sessions idle for 2 minutes are evicted (a churning deployment's setting; the default is 30), so
# that the heap reaches its plateau within the run. Build first (mvn -q -DskipTests package).
#   DURATION=600 bench/soak.sh        (the default: 10 minutes, about 11 with start and stop)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-600}
SEGMENT=30
OUT=${OUT:-bench/results/soak-$(date +%Y%m%d-%H%M%S)}
PORT=${PORT:-8124}
mkdir -p "$OUT"
WORK=$(mktemp -d)
cp launcher/target/anomaly-gateway.jar bench/target/anomaly-bench.jar "$WORK/"
NAME="soak-$$"
cat >"$WORK/soak.json" <<JSON
{"detector": {"session_idle_timeout": 120.0}, "drift": {"session_idle_timeout": 120.0},
 "alerts": {"idle_timeout": 120.0}}
JSON
COMMON=(--cluster --cluster-name "$NAME" --cluster-port 5761 --no-auth --host 127.0.0.1 --config soak.json)
GATEWAY= DETECTOR=
# The nodes are started in command substitutions, so they are not this shell's jobs: they are stopped by PID.
trap 'kill $(jobs -p) $GATEWAY $DETECTOR 2>/dev/null || true' EXIT

node() { # node LOG ROLES [ARGS...]: starts a node in the background and prints its PID
  local log=$1 roles=$2
  shift 2
  (cd "$WORK" && exec java -Xmx512m -jar anomaly-gateway.jar "${COMMON[@]}" --roles "$roles" "$@") \
    >>"$OUT/$log.log" 2>&1 &
  echo $!
}

wait_for() { # wait_for LOG PATTERN
  for _ in $(seq 1 240); do
    grep -q "$2" "$OUT/$1.log" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "no '$2' in $OUT/$1.log" >&2
  exit 1
}

live_kb() { jcmd "$1" GC.class_histogram 2>/dev/null | awk '/^Total/ {print int($3 / 1024)}'; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

load() { # load PREFIX ARGS...: one segment of the load generator, its JSON line to segments.jsonl
  local prefix=$1
  shift
  line=$(java -Xmx256m -jar "$WORK/anomaly-bench.jar" load --url "ws://127.0.0.1:$PORT" --duration "$SEGMENT" \
    --warmup 0 --session-prefix "$prefix" "$@" 2>/dev/null | tail -1)
  echo "{\"at\":$(( $(date +%s) - START )),\"load\":\"${prefix%%-*}\",\"result\":${line:-null}}" >>"$OUT/segments.jsonl"
}

DETECTOR=$(node detector detector --metrics-port 0)
wait_for detector "Detector instance"
GATEWAY=$(node gateway gateway,drift,alerts --port "$PORT")
wait_for gateway "listening on"
START=$(date +%s)
END=$((START + DURATION))
echo "soak: gateway $GATEWAY, detector $DETECTOR, $DURATION s, results in $OUT"

# Steady samples and batches on the same sessions; churn through new sessions every segment.
( while [ "$(date +%s)" -lt "$END" ]; do load steady --connections 10 --window 2; done ) &
( while [ "$(date +%s)" -lt "$END" ]; do load batch --connections 2 --window 1 --mode batch --batch-size 100; done ) &
( i=0; while [ "$(date +%s)" -lt "$END" ]; do i=$((i + 1)); load "churn-$i" --connections 20 --window 1; done ) &

restarted=0
while [ "$(date +%s)" -lt "$END" ]; do
  sleep "$SEGMENT"
  now=$(( $(date +%s) - START ))
  echo "{\"at\":$now,\"gateway_live_kb\":$(live_kb "$GATEWAY"),\"gateway_rss_kb\":$(rss_kb "$GATEWAY"),\"detector_live_kb\":$(live_kb "$DETECTOR"),\"detector_rss_kb\":$(rss_kb "$DETECTOR")}" \
    | tee -a "$OUT/memory.jsonl"
  if [ "$restarted" -eq 0 ] && [ "$now" -ge $((DURATION / 2)) ]; then
    echo "restarting the detector (SIGTERM, then a new process)"
    kill -TERM "$DETECTOR"; wait "$DETECTOR" 2>/dev/null || true
    DETECTOR=$(node detector detector --metrics-port 0)
    restarted=1
  fi
done
wait $(jobs -p | grep -v "^$GATEWAY$" | grep -v "^$DETECTOR$") 2>/dev/null || true

python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
memory = [json.loads(l) for l in open(f"{out}/memory.jsonl")]
segments = [json.loads(l) for l in open(f"{out}/segments.jsonl")]
lines = ["| at s | gateway live MB | gateway RSS MB | detector live MB | detector RSS MB |", "|---|---|---|---|---|"]
for m in memory:
    lines.append(f"| {m['at']} | {m['gateway_live_kb']/1024:.0f} | {m['gateway_rss_kb']/1024:.0f} | "
                 f"{m['detector_live_kb']/1024:.0f} | {m['detector_rss_kb']/1024:.0f} |")
lines += ["", "| load | segments | samples/s (median) | p99 ms (median / max) | errors | unanswered |", "|---|---|---|---|---|---|"]
for load in ("steady", "batch", "churn"):
    runs = [s["result"] for s in segments if s["load"] == load and s["result"]]
    if not runs:
        continue
    sps = sorted(r["samples_per_s"] for r in runs)
    p99 = sorted(r["latency_ms"]["p99"] for r in runs)
    lines.append(f"| {load} | {len(runs)} | {sps[len(sps)//2]} | {p99[len(p99)//2]} / {p99[-1]} | "
                 f"{sum(r['errors'] for r in runs)} | {sum(r['timeouts'] for r in runs)} |")
half = len(memory) // 2
first, last = memory[1:half], memory[half:]
flat = first and last and max(m["gateway_live_kb"] for m in last) < 1.5 * max(m["gateway_live_kb"] for m in first)
unanswered = sum(s["result"]["timeouts"] for s in segments if s["result"])
lines += ["", f"gateway heap flat (second half below 1.5x the first half's peak): {'yes' if flat else 'no'}; "
          f"unanswered requests: {unanswered}"]
open(f"{out}/summary.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
