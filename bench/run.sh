#!/usr/bin/env bash
# Reproduces BENCHMARKS.md's system figures from a fresh clone, after the README's build
# (mvn -q -DskipTests package). Every target runs on this machine, one after the other, against the same load
# generator: the echo baseline (the ceiling), the embedded gateway, and a cluster (gateway, one detector, drift and
# alerts as separate JVMs). Each configuration runs RUNS times; summary.md gives the medians and the ratios to the
# echo baseline measured in the same run. Then the connection-scale test: SCALE idle connections held on one gateway.
#   RUNS=3 DURATION=20 WARMUP=10 SCALE=10000 bench/run.sh      (the defaults; about 30 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
SCALE=${SCALE:-10000}
OUT=${OUT:-bench/results/$(date +%Y%m%d-%H%M%S)}
PORT=8123
mkdir -p "$OUT"
# The jars are copied first: rebuilding under a running benchmark would change what it measures.
WORK=$(mktemp -d)
cp launcher/target/anomaly-gateway.jar bench/target/anomaly-bench.jar "$WORK/"
trap 'kill $(jobs -p) 2>/dev/null || true; JAR="$WORK/anomaly-gateway.jar" scripts/cluster-stop.sh >/dev/null 2>&1 || true' EXIT

CONFIGS=(
  "sample_c10_w1|--connections 10 --window 1"
  "sample_c50_w4|--connections 50 --window 4"
  "sample_c100_w16|--connections 100 --window 16"
  "batch100_c10_w1|--connections 10 --window 1 --mode batch --batch-size 100"
)

wait_for() { # wait_for FILE PATTERN
  for _ in $(seq 1 240); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "timed out waiting for '$2' in $1" >&2; return 1
}

measure() { # measure TARGET
  for config in "${CONFIGS[@]}"; do
    name=${config%%|*}
    # shellcheck disable=SC2086
    for run in $(seq 1 "$RUNS"); do
      line=$(java -jar "$WORK/anomaly-bench.jar" load --url "ws://127.0.0.1:$PORT" --duration "$DURATION" \
        --warmup "$WARMUP" ${config#*|} 2>/dev/null | tail -1)
      echo "{\"target\":\"$1\",\"config\":\"$name\",\"run\":$run,\"result\":$line}" | tee -a "$OUT/results.jsonl"
    done
  done
}

echo "== echo baseline"
java -jar "$WORK/anomaly-bench.jar" echo --port $PORT >"$OUT/echo.log" 2>&1 &
ECHO=$!
wait_for "$OUT/echo.log" "listening"
measure echo
kill $ECHO; wait $ECHO 2>/dev/null || true

echo "== embedded gateway"
java -jar "$WORK/anomaly-gateway.jar" --no-auth --host 127.0.0.1 --port $PORT >"$OUT/embedded.log" 2>&1 &
GATEWAY=$!
wait_for "$OUT/embedded.log" "listening on"
measure embedded
kill $GATEWAY; wait $GATEWAY 2>/dev/null || true

echo "== cluster: gateway, 1 detector, drift, alerts"
JAR="$WORK/anomaly-gateway.jar" DETECTORS=1 GATEWAY_PORT=$PORT GATEWAY_ARGS="--no-auth --host 127.0.0.1" \
  scripts/cluster-start.sh >"$OUT/cluster.log" 2>&1
measure cluster
scripts/cluster-stop.sh >>"$OUT/cluster.log" 2>&1

echo "== $SCALE idle connections on one gateway"
ulimit -n "$(ulimit -Hn)" || echo "could not raise the file limit; the scale test may fail for it" >&2
echo '{"gateway":{"max_connections":'"$((SCALE + 1000))"'},"security":{"max_connections_per_ip":'"$((SCALE + 1000))"',"connections_per_ip_per_minute":'"$((SCALE * 10))"'}}' >"$OUT/scale.json"
java -Xmx512m -jar "$WORK/anomaly-gateway.jar" --no-auth --host 127.0.0.1 --port $PORT --config "$OUT/scale.json" \
  >"$OUT/scale.log" 2>&1 &
GATEWAY=$!
wait_for "$OUT/scale.log" "listening on"
rss() { awk '/VmRSS/ {print $2}' "/proc/$GATEWAY/status"; }
before=$(rss)
java -jar "$WORK/anomaly-bench.jar" load --url "ws://127.0.0.1:$PORT" --connect-only "$SCALE" --hold 20 \
  >"$OUT/scale-load.json" 2>/dev/null &
LOADER=$!
for _ in $(seq 1 60); do
  held=$(curl -s "http://127.0.0.1:$PORT/api/v1/streaming/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["connections"])')
  [ "$held" -ge "$SCALE" ] && break
  sleep 0.5
done
during=$(rss)
wait $LOADER || true
echo "{\"target\":\"scale\",\"connections\":$held,\"rss_before_kb\":$before,\"rss_held_kb\":$during,\"load\":$(tail -1 "$OUT/scale-load.json")}" \
  | tee -a "$OUT/results.jsonl"
kill $GATEWAY; wait $GATEWAY 2>/dev/null || true

python3 - "$OUT" <<'PY'
import json, statistics, sys
out = sys.argv[1]
rows = [json.loads(line) for line in open(f"{out}/results.jsonl")]
runs = {}
for row in rows:
    if row.get("target") == "scale":
        continue
    runs.setdefault((row["target"], row["config"]), []).append(row["result"])
lines = ["| target | config | samples/s (median) | p50 ms | p99 ms | ratio to echo | errors |", "|---|---|---:|---:|---:|---:|---:|"]
for (target, config), results in runs.items():
    sps = statistics.median(r["samples_per_s"] for r in results)
    echo = runs.get(("echo", config))
    ratio = sps / statistics.median(r["samples_per_s"] for r in echo) if echo else float("nan")
    lines.append(f"| {target} | {config} | {sps:,.0f} | {statistics.median(r['latency_ms']['p50'] for r in results)} "
                 f"| {statistics.median(r['latency_ms']['p99'] for r in results)} | {ratio:.2f} "
                 f"| {sum(r['errors'] + r['timeouts'] for r in results)} |")
for row in rows:
    if row.get("target") == "scale" and row["connections"]:
        lines.append(f"\n{row['connections']} idle connections held: RSS {row['rss_before_kb']} -> {row['rss_held_kb']} KB, "
                     f"{(row['rss_held_kb'] - row['rss_before_kb']) / row['connections']:.1f} KB per connection")
open(f"{out}/summary.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
echo "results in $OUT"
