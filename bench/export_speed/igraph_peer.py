"""Peer for bench_export_speed: python-igraph writes GraphML for the same edge list.

usage: igraph_peer.py EDGES.txt OUT.graphml   (EDGES: one "u v" pair per line)
Prints {"load_s", "write_s", "bytes"} as JSON. The C writer does the work; igraph stores
only ids and a name per node, so its file carries fewer attributes than Skein's.
"""
import json
import os
import sys
import time

import igraph

edges_path, out_path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
graph = igraph.Graph.Read_Edgelist(edges_path, directed=False)
graph.vs["label"] = [f"Entity {i}" for i in range(graph.vcount())]
graph.es["weight"] = [1.0] * graph.ecount()
loaded = time.perf_counter()
graph.write_graphml(out_path)
written = time.perf_counter()
print(json.dumps({"load_s": loaded - start, "write_s": written - loaded, "bytes": os.path.getsize(out_path)}))
