#!/usr/bin/env bash
# Ingest time of a corpus with two skein binaries, interleaved run by run so both see the
# same machine load; prints each run and the ratio of the medians (wall and CPU).
# Usage: ingest_time.sh [--together] BEFORE_SKEIN AFTER_SKEIN [RUNS=5] [CORPUS=../shared/corpus/bbc]
#   CORPUS: a directory or a JSONL file (bench/ingest_scale/make_corpus.py writes one).
#   --together: run the two ingests of a round at the same time, --jobs 1 each, instead of one
#   after the other (for long corpora such as the million documents, where one run each is all
#   there is time for and the load may change between two runs in a row).
set -euo pipefail
together=0
if [[ ${1:-} == --together ]]; then together=1; shift; fi
before="$1" after="$2" runs="${3:-5}"
corpus="${4:-$(dirname "$0")/../../../shared/corpus/bbc}"
[ -e "$corpus" ] || { echo "ingest_time.sh: $corpus: no such corpus" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
one_run() {  # side [ingest options...]
  local side=$1; shift
  rm -f "$work/$side.db" "$work/$side.db-wal" "$work/$side.db-shm"
  # ingest exits 2 when a file is not valid UTF-8 (one BBC article is not): still a full run.
  /usr/bin/time -a -o "$work/$side.times" -f "%e %U %S %M" \
    "${!side}" --db "$work/$side.db" ingest -q "$@" "$corpus" >/dev/null 2>&1 || true
}
for ((i = 0; i < runs; i++)); do
  if [[ $together == 1 ]]; then
    one_run before --jobs 1 &
    one_run after --jobs 1 &
    wait
  else
    one_run before
    one_run after
  fi
done
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for side in before after; do
  grep -v '^Command' "$work/$side.times" > "$work/$side.clean"
  wall=$(awk '{print $1}' "$work/$side.clean" | median)
  cpu=$(awk '{print $2 + $3}' "$work/$side.clean" | median)
  rss=$(awk '{print $4}' "$work/$side.clean" | median)
  echo "$side: median wall ${wall} s, cpu ${cpu} s, max RSS ${rss} KB over $runs runs"
  eval "${side}_wall=$wall ${side}_cpu=$cpu"
done
awk -v bw="$before_wall" -v aw="$after_wall" -v bc="$before_cpu" -v ac="$after_cpu" \
  'BEGIN {printf "after/before: wall %.3f, cpu %.3f\n", aw / bw, ac / bc}'
