#!/usr/bin/env bash
# Reproduces BENCHMARKS.md's system figures from a fresh clone, after the README's build
# (mvn -q -DskipTests package). Every target runs on this machine, one after the other, against the same load
# generator: the echo baseline (the ceiling), the embedded gateway, and a cluster (gateway, one detector, drift and
# alerts as separate JVMs). Each configuration runs RUNS times; summary.md gives the medians and the ratios to the
# echo baseline measured in the same run. Then the connection-scale test: SCALE idle connections held on one gateway.
#   RUNS=3 DURATION=15 WARMUP=10 SCALE=10000 bench/run.sh      (the defaults; about 40 minutes)
# CONFIGS_ONLY=sample_c10_w1,sample_c50_w4 limits the load configurations (names below); TARGETS=echo,embedded
# limits the targets (echo, embedded, cluster); SCALE=0 skips the connection-scale test.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
SCALE=${SCALE:-10000}
OUT=${OUT:-bench/results/$(date +%Y%m%d-%H%M%S)}
PORT=8123
mkdir -p "$OUT"
# The jars are copied first: rebuilding under a running benchmark would change what it measures.
WORK=$(mktemp -d)
cp launcher/target/anomaly-gateway.jar bench/target/anomaly-bench.jar "$WORK/"
trap 'kill $(jobs -p) 2>/dev/null || true; JAR="$WORK/anomaly-gateway.jar" scripts/cluster-stop.sh >/dev/null 2>&1 || true' EXIT

TARGETS=${TARGETS:-echo,embedded,cluster}
# Issue 10's standard configurations: isolation forest (the default) at 8 dimensions unless named otherwise.
CONFIGS=(
  "sample_c1_w1|--connections 1 --window 1"
  "sample_c10_w1|--connections 10 --window 1"
  "sample_c50_w4|--connections 50 --window 4"
  "sample_c100_w16|--connections 100 --window 16"
  "batch100_c4_w2|--connections 4 --window 2 --mode batch --batch-size 100"
  "batch1000_c4_w2|--connections 4 --window 2 --mode batch --batch-size 1000"
  "sample_c50_w4_d32|--connections 50 --window 4 --dims 32"
  "sample_c10_w1_rcf|--connections 10 --window 1 --algorithm random_cut_forest"
)
if [ -n "${CONFIGS_ONLY:-}" ]; then
  selected=()
  for config in "${CONFIGS[@]}"; do
    [[ ",$CONFIGS_ONLY," == *",${config%%|*},"* ]] && selected+=("$config")
  done
  CONFIGS=("${selected[@]}")
fi
wanted() { [[ ",$TARGETS," == *",$1,"* ]]; }

wait_for() { # wait_for FILE PATTERN
  for _ in $(seq 1 240); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "timed out waiting for '$2' in $1" >&2; return 1
}

measure() { # measure TARGET
  for config in "${CONFIGS[@]}"; do
    name=${config%%|*}
    # shellcheck disable=SC2086
    for run in $(seq 1 "$RUNS"); do
      # Each configuration has its own sessions: a session keeps its dimension and models between runs.
      line=$(java -jar "$WORK/anomaly-bench.jar" load --url "ws://127.0.0.1:$PORT" --duration "$DURATION" \
        --warmup "$WARMUP" --session-prefix "$name" ${config#*|} 2>/dev/null | tail -1)
      echo "{\"target\":\"$1\",\"config\":\"$name\",\"run\":$run,\"at\":\"$(date -u +%H:%M:%S)\",\"result\":$line}" \
        | tee -a "$OUT/results.jsonl"
    done
  done
}

serve() { # serve TARGET READY-PATTERN COMMAND...: runs the load configurations against one server process
  local target=$1 ready=$2
  shift 2
  echo "== $target"
  "$@" >"$OUT/$target.log" 2>&1 &
  local server=$!
  wait_for "$OUT/$target.log" "$ready"
  measure "$target"
  kill $server; wait $server 2>/dev/null || true
}

if wanted echo; then
  serve echo "listening" java -jar "$WORK/anomaly-bench.jar" echo --port $PORT
fi
if wanted embedded; then
  serve embedded "listening on" java -jar "$WORK/anomaly-gateway.jar" --no-auth --host 127.0.0.1 --port $PORT
fi

if wanted cluster; then
  echo "== cluster: gateway, 1 detector, drift, alerts"
  JAR="$WORK/anomaly-gateway.jar" DETECTORS=1 GATEWAY_PORT=$PORT GATEWAY_ARGS="--no-auth --host 127.0.0.1" \
    scripts/cluster-start.sh >"$OUT/cluster.log" 2>&1
  measure cluster
  JAR="$WORK/anomaly-gateway.jar" scripts/cluster-stop.sh >>"$OUT/cluster.log" 2>&1
fi

# Idle connections: the default JVM (G1) capped at 512 MB as in issue 10's echo figure, and a connection-dense
# setting (serial collector, 32 MB young generation) that keeps the committed heap close to the live one.
scale() { # scale NAME JVM-FLAGS
  echo "== $SCALE idle connections on one gateway ($1: $2)"
  # shellcheck disable=SC2086
  java $2 -jar "$WORK/anomaly-gateway.jar" --no-auth --host 127.0.0.1 --port $PORT --config "$OUT/scale.json" \
    >"$OUT/scale-$1.log" 2>&1 &
  GATEWAY=$!
  wait_for "$OUT/scale-$1.log" "listening on"
  rss() { awk '/VmRSS/ {print $2}' "/proc/$GATEWAY/status"; }
  live() { jcmd "$GATEWAY" GC.class_histogram | awk '/^Total/ {print int($3 / 1024)}'; }
  sleep 2
  before=$(rss)
  live_before=$(live)
  java -jar "$WORK/anomaly-bench.jar" load --url "ws://127.0.0.1:$PORT" --connect-only "$SCALE" --hold 20 \
    >"$OUT/scale-load-$1.json" 2>/dev/null &
  LOADER=$!
  for _ in $(seq 1 60); do
    held=$(curl -s "http://127.0.0.1:$PORT/api/v1/streaming/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["connections"])')
    [ "$held" -ge "$SCALE" ] && break
    sleep 0.5
  done
  sleep 2
  during=$(rss)
  live_during=$(live)
  wait $LOADER || true
  echo "{\"target\":\"scale\",\"jvm\":\"$1\",\"flags\":\"$2\",\"connections\":$held,\"rss_before_kb\":$before,\"rss_held_kb\":$during,\"live_heap_before_kb\":$live_before,\"live_heap_held_kb\":$live_during,\"load\":$(tail -1 "$OUT/scale-load-$1.json")}" \
    | tee -a "$OUT/results.jsonl"
  kill $GATEWAY; wait $GATEWAY 2>/dev/null || true
}
if [ "$SCALE" -gt 0 ]; then
  ulimit -n "$(ulimit -Hn)" || echo "could not raise the file limit; the scale test may fail for it" >&2
  echo '{"gateway":{"max_connections":'"$((SCALE + 1000))"'},"security":{"max_connections_per_ip":'"$((SCALE + 1000))"',"connections_per_ip_per_minute":'"$((SCALE * 10))"'}}' >"$OUT/scale.json"
  scale g1 "-Xmx512m"
  scale serial "-Xmx512m -XX:+UseSerialGC -Xmn32m"
fi

MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
COMMAND="RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP SCALE=$SCALE TARGETS=$TARGETS bench/run.sh"
python3 - "$OUT" "$MACHINE" "$COMMAND" <<'PY'
import json, statistics, sys
out, machine, command = sys.argv[1:4]
rows = [json.loads(line) for line in open(f"{out}/results.jsonl")]
runs = {}
for row in rows:
    if row.get("target") == "scale":
        continue
    runs.setdefault((row["target"], row["config"]), []).append(row["result"])
def median_sps(key):
    median = statistics.median(r["samples_per_s"] for r in runs[key]) if key in runs else 0
    return median if median > 0 else float("nan")
lines = [f"Machine: {machine}; load generator on the same machine. Command: `{command}`; medians of each "
         "configuration's runs, p50 and p99 latency the medians of the runs' percentiles.", "",
         "| target | config | samples/s (median) | runs | p50 ms | p99 ms | ratio to echo | cluster / embedded | errors |",
         "|---|---|---:|---|---:|---:|---:|---:|---:|"]
for (target, config), results in runs.items():
    sps = median_sps((target, config))
    to_embedded = f"{sps / median_sps(('embedded', config)):.2f}" if target == "cluster" else ""
    each = ", ".join(f"{r['samples_per_s']:,}" for r in results)
    lines.append(f"| {target} | {config} | {sps:,.0f} | {each} "
                 f"| {statistics.median(r['latency_ms']['p50'] for r in results)} "
                 f"| {statistics.median(r['latency_ms']['p99'] for r in results)} "
                 f"| {sps / median_sps(('echo', config)):.2f} | {to_embedded} "
                 f"| {sum(r['errors'] + r['timeouts'] + r['invalid'] + r['unmatched'] for r in results)} |")
for row in rows:
    if row.get("target") == "scale" and row["connections"]:
        n = row["connections"]
        lines.append(f"\n{n} idle connections held ({row['jvm']}: {row['flags']}): RSS {row['rss_before_kb']} -> "
                     f"{row['rss_held_kb']} KB, {(row['rss_held_kb'] - row['rss_before_kb']) / n:.1f} KB per connection; "
                     f"live heap {(row['live_heap_held_kb'] - row['live_heap_before_kb']) / n:.1f} KB per connection")
open(f"{out}/summary.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
echo "results in $OUT"
