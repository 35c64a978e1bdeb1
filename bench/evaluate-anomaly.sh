#!/usr/bin/env bash
# Detection quality on the labelled data sets: runs `score --evaluate` for every data set, algorithm and seed
# 0-4, and prints a Markdown table of mean ROC-AUC and average precision (with the spread over seeds).
# Usage: bench/evaluate-anomaly.sh [DATA_DIR]   (default: ../shared/data/anomaly; build the jar first)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${ANOMALY_DATA_DIR:-../shared/data}/anomaly}
jar=${ANOMALY_JAR:-launcher/target/anomaly-gateway.jar}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for file in "$data"/*.csv; do
  for algorithm in isolation_forest one_class_svm random_cut_forest; do
    for seed in 0 1 2 3 4; do
      java -jar "$jar" score --algorithm "$algorithm" --input "$file" --output /dev/null --seed "$seed" --evaluate
    done
  done
done > "$out"
echo "| data set | algorithm | ROC-AUC mean | ROC-AUC sd | AP mean | seconds per run |"
echo "|---|---|---:|---:|---:|---:|"
awk '{
  key = $1 " | " $2
  for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  n[key]++; auc[key] += v["roc_auc"]; auc2[key] += v["roc_auc"] ^ 2; ap[key] += v["average_precision"]
  sec[key] += v["seconds"]; order[key] = NR
} END {
  for (k in n) {
    m = auc[k] / n[k]; sd = sqrt(auc2[k] / n[k] - m * m)
    printf "| %s | %.4f | %.4f | %.4f | %.2f |\n", k, m, sd, ap[k] / n[k], sec[k] / n[k]
  }
}' "$out" | sort
