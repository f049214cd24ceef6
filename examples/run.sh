#!/usr/bin/env bash
# Runs Skein's main job on the example articles: ingest into a store, print its statistics,
# measure quality against the hand-made gold, then render and export the graph.
#
#   examples/run.sh SKEIN_BINARY [STORE] [OUT_DIR]
#
# STORE defaults to OUT_DIR/examples.db, OUT_DIR to ./examples-out. The store is rebuilt from
# scratch each run.
set -euo pipefail

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit $(( $# < 1 ? 1 : 0 ))
fi
skein=$1
out=${3:-examples-out}
store=${2:-$out/examples.db}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

[[ -x $skein ]] || { echo "run.sh: $skein is not an executable" >&2; exit 1; }
mkdir -p "$out"
rm -f "$store" "$store-wal" "$store-shm"

step() { printf '\n== %s\n' "$*"; }

step "ingest $here/articles"
"$skein" ingest --db "$store" "$here/articles"

step stats
"$skein" stats --db "$store"

step "eval against $here/gold.jsonl"
"$skein" eval --format gold "$here/gold.jsonl" --errors 2

step analyze
"$skein" analyze --db "$store"

step "rank --top 10"
"$skein" rank --db "$store" --top 10

step "render $out/examples.svg"
"$skein" render --db "$store" -o "$out/examples.svg"

for format in gexf graphml json cypher; do
  step "export $format"
  "$skein" export "$format" --db "$store" -o "$out/examples.$format"
done
for format in neo4j csv; do
  step "export $format"
  "$skein" export "$format" --db "$store" -o "$out/$format"
done

step "export html (open $out/examples.html in a browser)"
"$skein" export html --db "$store" -o "$out/examples.html" --title "Skein examples"

step "done: store $store, outputs in $out/"
