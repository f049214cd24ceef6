#!/usr/bin/env bash
# Regenerates the reference exports (exports/<format>/reference/) from examples/articles:
# ingest into a scratch store, analyze (pagerank, community), then every export format.
#
#   scripts/export-examples.sh [OUT_DIR]      (default: the repository's exports/)
#   SKEIN=path/to/skein                        (default: build/src/cli/skein)
#
# tests/exporters (ReferenceOutputTest) runs this with the freshly built binary into a
# scratch directory and compares the bytes with exports/: after changing a writer (or the
# extraction), run it and commit the new references.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/exports}
skein=${SKEIN:-$root/build/src/cli/skein}
[[ -x $skein ]] || { echo "export-examples.sh: $skein is not an executable (set SKEIN=...)" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/examples.db

# Relative paths from the repository root, so document URIs do not depend on the checkout.
cd "$root"
"$skein" --db "$db" ingest examples/articles >/dev/null
"$skein" --db "$db" analyze >/dev/null

export_to() {  # FORMAT PATH [OPTIONS...]
  local format=$1 path=$2
  shift 2
  "$skein" --db "$db" export "$format" -o "$path" "$@" 2>/dev/null
}
rm -rf "$out/neo4j/reference" "$out/csv/reference"
mkdir -p "$out"/{neo4j,cypher,gexf,graphml,json,csv}/reference
export_to neo4j "$out/neo4j/reference"
export_to cypher "$out/cypher/reference/graph.cypher"
export_to gexf "$out/gexf/reference/graph.gexf"
export_to gexf "$out/gexf/reference/graph-1.2.gexf" --gexf-version 1.2
export_to graphml "$out/graphml/reference/graph.graphml"
export_to json "$out/json/reference/cytoscape.json"
export_to json "$out/json/reference/d3.json" --style d3
export_to json "$out/json/reference/jgf.json" --style jgf
export_to csv "$out/csv/reference"
echo "reference exports written to $out/{neo4j,cypher,gexf,graphml,json,csv}/reference"
