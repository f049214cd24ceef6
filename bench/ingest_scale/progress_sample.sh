#!/usr/bin/env bash
# Samples running `skein ingest` processes: for each (PID DB) pair, every INTERVAL seconds,
# the documents stored so far and the process's CPU seconds (all threads, from /proc), so two
# ingests running side by side can be compared as CPU seconds per thousand documents over the
# same stretch of the corpus even when neither finishes.
# Usage: progress_sample.sh INTERVAL PID1 DB1 [PID2 DB2 ...]
set -euo pipefail
interval=$1; shift
tick=$(getconf CLK_TCK)
while true; do
  line="$(date +%s)"
  alive=0
  for ((i = 1; i <= $#; i += 2)); do
    pid=${!i}; j=$((i + 1)); db=${!j}
    if [[ -r /proc/$pid/stat ]]; then
      alive=1
      cpu=$(awk -v t="$tick" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat")
      docs=$(sqlite3 "file:$db?mode=ro" "select count(*) from documents" 2>/dev/null || echo NA)
      line="$line $pid $docs $cpu"
    else
      line="$line $pid done -"
    fi
  done
  echo "$line"
  [[ $alive == 1 ]] || exit 0
  sleep "$interval"
done
