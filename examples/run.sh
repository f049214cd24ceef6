#!/usr/bin/env bash
# Runs Skein's main job on the example articles: ingest into a store, print its statistics,
# measure quality against the hand-made gold, then render and export the graph.
#
#   examples/run.sh SKEIN_BINARY [STORE] [OUT_DIR]
#
# STORE defaults to OUT_DIR/examples.db, OUT_DIR to ./examples-out. The store is rebuilt from
# scratch each run. Steps whose command the binary does not have yet are skipped with a note.
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

# The commands this binary has, from its overview ("  name   summary" lines).
commands=$("$skein" --help | awk '/^commands:/ {on=1; next} on && /^  [a-z]/ {print $1}')
has() { grep -qx "$1" <<<"$commands"; }
step() { printf '\n== %s\n' "$*"; }
skip() { printf '\n== (skipped: this skein has no "%s" command yet)\n' "$1"; }

step "ingest $here/articles"
"$skein" ingest --db "$store" "$here/articles"

if has stats; then step stats; "$skein" stats --db "$store"; else skip stats; fi

if has eval; then
  step "eval against $here/gold.jsonl"
  "$skein" eval --format gold "$here/gold.jsonl" --errors 2
else
  skip eval
fi

if has analyze; then step analyze; "$skein" analyze --db "$store"; else skip analyze; fi

if has render; then
  step "render $out/examples.svg"
  "$skein" render --db "$store" -o "$out/examples.svg"
else
  skip render
fi

if has export; then
  for format in gexf graphml json cypher; do
    step "export $format"
    "$skein" export "$format" --db "$store" -o "$out/examples.$format"
  done
  for format in neo4j csv; do
    step "export $format"
    "$skein" export "$format" --db "$store" -o "$out/$format"
  done
else
  skip export
fi

step "done: store $store, outputs in $out/"
