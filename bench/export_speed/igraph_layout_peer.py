"""Peer for bench_export_speed's layout line: igraph's force-directed layouts on the same graph.

usage: igraph_layout_peer.py EDGES.txt   (EDGES: one "u v" pair per line)
Prints {"fr_s", "drl_s"}: layout_fruchterman_reingold (igraph's default 500 iterations, its
grid above 1,000 nodes) and layout_drl, each timed alone inside Python.
"""
import json
import sys
import time

import igraph

graph = igraph.Graph.Read_Edgelist(sys.argv[1], directed=False)
graph.simplify()
out = {}
start = time.perf_counter()
graph.layout_fruchterman_reingold()
out["fr_s"] = time.perf_counter() - start
start = time.perf_counter()
graph.layout_drl()
out["drl_s"] = time.perf_counter() - start
print(json.dumps(out))
