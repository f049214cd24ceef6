"""Reads a GraphML file with python-igraph and prints what it saw as JSON."""
import json
import math
import sys

import igraph

graph = igraph.Graph.Read_GraphML(sys.argv[1])
print(json.dumps({
    "nodes": graph.vcount(),
    "edges": graph.ecount(),
    "directed": graph.is_directed(),
    "node_attributes": sorted(graph.vs.attributes()),
    "edge_attributes": sorted(graph.es.attributes()),
    "names": graph.vs["label"] if graph.vcount() else [],
    "ids": graph.vs["id"] if graph.vcount() else [],
    # Edge attributes by name, one value per edge (strings; igraph writes "" where missing).
    "edges_data": {name: graph.es[name] for name in graph.es.attributes()
                   if name in ("relation", "source_id", "target_id", "evidence_sentences")},
    # igraph fills a missing numeric attribute with NaN, which JSON cannot carry: null.
    "pagerank": [None if math.isnan(value) else value for value in graph.vs["pagerank"]]
    if "pagerank" in graph.vs.attributes() else [],
}, default=str))
