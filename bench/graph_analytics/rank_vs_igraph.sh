#!/bin/sh
# End-to-end `skein rank --by pagerank` (process start, open the store, GraphView, PageRank,
# top-20 table) against igraph doing the same from a plain edge list in a fresh python3
# (interpreter start, import, Graph.Read_Edgelist in C, pagerank, top 20). Timed by hyperfine.
#
# usage: rank_vs_igraph.sh SKEIN_BINARY [STORE] [EDGE_LIST]
# STORE and EDGE_LIST default to what bench_graph_analytics leaves behind
# (/tmp/skein-bench-graph.db and /tmp/skein-bench-graph-edges.txt, whose first line is n).
set -eu
skein=$1
store=${2:-/tmp/skein-bench-graph.db}
edges=${3:-/tmp/skein-bench-graph-edges.txt}
plain=$(mktemp /tmp/skein-rank-edges.XXXXXX)
trap 'rm -f "$plain"' EXIT
tail -n +2 "$edges" > "$plain"  # igraph's edge-list reader wants "u v" lines only
cat /proc/loadavg
hyperfine --warmup 1 --runs 5 \
  -n "skein rank --by pagerank" "$skein --db $store rank --by pagerank" \
  -n "igraph load + pagerank" "/usr/bin/python3 -c \"
import igraph
g = igraph.Graph.Read_Edgelist('$plain', directed=False)
pr = g.pagerank(damping=0.85)
for i in sorted(range(len(pr)), key=lambda i: -pr[i])[:20]: print(i, pr[i])
\""
