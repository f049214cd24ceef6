#!/usr/bin/env bash
# Regenerates the example diagrams the README shows: ingests the example articles into a
# throw-away store, analyses it when this skein has `analyze` (PageRank sizes, communities),
# and renders examples/diagrams/examples.svg and examples.png.
#
#   scripts/render-examples.sh [SKEIN_BINARY] [OUT_DIR]
#
# SKEIN_BINARY defaults to $SKEIN, else build/src/cli/skein; OUT_DIR to examples/diagrams.
# The output is deterministic: the same articles and binary give the same SVG bytes.
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
skein=${1:-${SKEIN:-$root/build/src/cli/skein}}
out=${2:-$root/examples/diagrams}
articles=$root/examples/articles

[[ -x $skein ]] || { echo "render-examples: $skein is not an executable (build first)" >&2; exit 1; }
[[ -d $articles ]] || { echo "render-examples: $articles: no such folder" >&2; exit 1; }
"$skein" --help | grep -q '^  render ' || { echo "render-examples: $skein has no render command" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store=$work/examples.db

"$skein" ingest --quiet --db "$store" "$articles" >/dev/null
if "$skein" --help | grep -q '^  analyze '; then
  "$skein" analyze --db "$store" >/dev/null
else
  echo "render-examples: this skein has no analyze command; sizing by degree" >&2
fi

count=$(find "$articles" -maxdepth 1 -name '*.txt' | wc -l)
title="Skein examples: $count articles"
mkdir -p "$out"
"$skein" render --db "$store" --title "$title" -o "$out/examples.svg"
"$skein" render --db "$store" --title "$title" -o "$out/examples.png" 2>/dev/null
echo "render-examples: wrote $out/examples.svg ($(wc -c <"$out/examples.svg") bytes) and $out/examples.png ($(wc -c <"$out/examples.png") bytes)"
